// A dict is untracked while it holds nothing that can be in a cycle (lazy
// tracking, dict.c), and a release of an untracked object makes no
// candidate. Here the caller holds g->d for the call f(g->d); f drops g->d
// (2 -> 1: untracked, not buffered) and stores the dict into itself, which
// tracks it again and closes a self-cycle whose only other reference is the
// hold. Tracking again moves the collector's epoch, so the hold's end makes
// the dict a candidate and automatic collections alone find every such
// cycle: the live count stays bounded with no explicit rc_gc_collect. Found
// by review: with the hold's end making no candidate, all N dicts stayed.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
// RUN: %clang -fsyntax-only %plugin_flags -I%autorc_include %s -fplugin-arg-autorc-emit=%t.emit.c
// RUN: FileCheck %s --check-prefix=EMIT < %t.emit.c
#include <autorc.h>
#include <stdio.h>

enum { N = 20000 };

struct RC_MANAGED holder { rc_dict *d; };
static struct holder *g;
static rc_str *key;

static void f(rc_dict *d) {
    g->d = NULL;
    rc_dict_set(d, key, d);
}

int main(void) {
    g = rc_new(struct holder);
    key = rc_str_new("self");
    for (int i = 0; i < N; i++) {
        g->d = rc_dict_new();
        f(g->d);
        // EMIT: f((rc__t{{[0-9]+}}.obj = rc__hold(&rc__t{{[0-9]+}}.epoch, g->d)));
    }
    printf("bounded %s\n", rc_live_objects() < N / 2 ? "yes" : "no");
    // CHECK: bounded yes
    rc_gc_collect(-1);
    printf("live after collect %zu\n", rc_live_objects());
    // CHECK-NEXT: live after collect 2
    return 0;
}
