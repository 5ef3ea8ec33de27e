// A finalizer run by a release to zero resurrects its object into a child
// only the dying object reached: the cycle self <-> child is garbage that no
// candidate root reached -- whether the finalizer stores through a call that
// holds the child (`link_back(self->c, self)`: a keep-alive hold taken and
// ended inside the finalizer, at an epoch no collection moved) or directly
// (`self->c->back = self`). The resurrected object is made a candidate
// (object.c's destroy()), so automatic collections alone find every such
// cycle: the live count stays bounded with no explicit rc_gc_collect, and
// each object is finalized once. Found by review: with the hold's end
// making no candidate, all 2 * N objects stayed alive.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
// RUN: %clang -fsyntax-only %plugin_flags -I%autorc_include %s -fplugin-arg-autorc-emit=%t.emit.c
// RUN: FileCheck %s --check-prefix=EMIT < %t.emit.c
#include <autorc.h>
#include <stdio.h>

enum { N = 20000 };

struct RC_MANAGED node { struct node *back; struct node *c; int v; };
static long nfin;
static int through_call;

static void link_back(struct node *c, struct node *x) { c->back = x; }
// EMIT: link_back((rc__t{{[0-9]+}}.obj = rc__hold(&rc__t{{[0-9]+}}.epoch, self->c)), rc__retain(self))

RC_FINALIZER void node_del(struct node *self) {
    nfin++;
    if (self->v != 1) return;
    if (through_call) link_back(self->c, self);
    else self->c->back = self;
}

static void churn(const char *how) {
    nfin = 0;
    for (int i = 0; i < N; i++) {
        struct node *x = rc_new(struct node);
        x->v = 1;
        x->c = rc_new(struct node);
        x->c->v = 2;
        x = NULL; /* count 0: the finalizer resurrects x into x->c */
    }
    size_t live = rc_live_objects();
    printf("%s: bounded %s\n", how, live < N / 2 ? "yes" : "no");
    rc_gc_collect(-1);
    printf("%s: live after collect %zu, finalized once each %s\n", how, rc_live_objects(),
           nfin == 2L * N ? "yes" : "no");
}

int main(void) {
    through_call = 1;
    churn("hold");
    // CHECK: hold: bounded yes
    // CHECK-NEXT: hold: live after collect 0, finalized once each yes
    through_call = 0;
    churn("direct");
    // CHECK-NEXT: direct: bounded yes
    // CHECK-NEXT: direct: live after collect 0, finalized once each yes
    return 0;
}
