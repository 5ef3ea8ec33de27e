// memcpy/memmove of exactly one struct holding managed slots is the
// counted copy `*a = *b`, and memset(a, 0, sizeof *a) / bzero the counted
// clear `*a = (T){0}`: old strong fields released, weak ones unregistered;
// for a managed struct and for a plain one. Other sizes stay errors
// (diag-memory.c).
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %clang -std=gnu11 -fsyntax-only -Wall -Werror -I%autorc_include %s
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct RC_MANAGED obj { int id; };
RC_FINALIZER void obj_del(struct obj *self) { printf("del obj %d\n", self->id); }
struct RC_MANAGED rec { int n; struct obj *o; RC_WEAK struct obj *w; };
struct pair { struct obj *a, *b; };

static struct obj *mk(int id) {
    struct obj *o = rc_new(struct obj);
    o->id = id;
    return o;
}

static void live(const char *what, size_t n) {
    printf("%s: live %zu\n", what, rc_live_objects());
    if (rc_live_objects() != n) { printf("FAIL\n"); exit(1); }
}

int main(void) {
    {
        struct rec *r = rc_new(struct rec), *s = rc_new(struct rec);
        r->n = 1;
        r->o = mk(1);
        r->w = r->o;
        void *d = memcpy(s, r, sizeof *s);
        printf("same %d n %d refs %zu weak %zu\n", (struct rec *)d == s, s->n, rc_getrefcount(r->o),
               rc_weakref_count(r->o));
        // CHECK: same 1 n 1 refs 2 weak 2
        memset(r, 0, sizeof(struct rec));
        printf("r %d %p refs %zu weak %zu\n", r->n, (void *)r->o, rc_getrefcount(s->o),
               rc_weakref_count(s->o));
        // CHECK-NEXT: r 0 (nil) refs 1 weak 1
        memmove(r, s, sizeof *r);
        bzero(s, sizeof *s);
        printf("r %d refs %zu\n", r->o->id, rc_getrefcount(r->o));
        // CHECK-NEXT: r 1 refs 1
        memset(r, 0, sizeof *r);
        // CHECK-NEXT: del obj 1
        live("managed", 2);
        // CHECK-NEXT: managed: live 2
    }
    {
        struct pair p = { mk(2), mk(3) }, q = { 0 };
        memcpy(&q, &p, sizeof q);
        memset(&p, 0, sizeof p);
        printf("q %d %d refs %zu\n", q.a->id, q.b->id, rc_getrefcount(q.a));
        // CHECK-NEXT: q 2 3 refs 1
        memset(&q, 0, sizeof q);
        // CHECK-NEXT: del obj 2
        // CHECK-NEXT: del obj 3
    }
    live("after", 0);
    // CHECK-NEXT: after: live 0
    return 0;
}
