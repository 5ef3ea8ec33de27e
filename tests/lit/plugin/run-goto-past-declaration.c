// `goto fail;` past the declaration of a managed local (valid C, refused
// by clang for a variable with a cleanup): the plugin guards the block's
// locals, so every path releases exactly what was initialised, in reverse
// order of declaration; a goto back before a declaration releases the
// local as leaving its scope would. Nothing is left alive.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED node { int v; struct node *next; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }
struct pair { struct node *a, *b; };

static struct node *mk(int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    return n;
}

static void live(const char *what, size_t n) {
    printf("%s: live %zu\n", what, rc_live_objects());
    if (rc_live_objects() != n) { printf("FAIL\n"); exit(1); }
}

// The locals' storage is hoisted before their guards, so a guard's cleanup
// runs while the local is still alive (declared after its guard, the local
// would die first and the cleanup would read it out of scope: ASan's
// stack-use-after-scope).
// EMIT: {{^[^/]*}}static int setup(int fail_at) { struct node *a; void *rc__g0_a __attribute__((cleanup(rc__guard_rc__drop))) = NULL; struct pair p; void *rc__g1_p __attribute__((cleanup(rc__guard_rc__vs_pair_dec))) = NULL; struct node *b; void *rc__g2_b __attribute__((cleanup(rc__guard_rc__drop))) = NULL;
static int setup(int fail_at) {
    int rc = -1;
    struct node *a = mk(1);
    // EMIT: {{^ *}}struct node *rc__h0_a = mk(1); __builtin_memcpy(&a, &rc__h0_a, sizeof a); rc__g0_a = &a;
    if (fail_at == 1)
        goto fail;
    struct pair p = { mk(2), mk(3) };
    if (fail_at == 2)
        goto fail;
    struct node *b = mk(4);
    b->next = p.a;
    if (fail_at == 3)
        goto fail;
    rc = b->next->v;
fail:
    printf("setup(%d) = %d\n", fail_at, rc);
    return rc;
}

static int retry(void) {
    int tries = 0;
again:
    tries++;
    struct node *n = mk(100 + tries);
    // EMIT: {{^ *}}({ rc__guard_rc__drop(&rc__g0_n); rc__g0_n = NULL; goto again; });
    if (tries < 3)
        goto again;
    if (tries == 3)
        goto done;
    struct node *never = mk(0);
    (void)never;
done:
    return n->v;
}

// A guarded local in an inner block, released when the inner block ends.
static int inner(int skip) {
    int r = 0;
    {
        struct node *x = mk(7);
        if (skip)
            goto out;
        struct node *y = mk(8);
        r = x->v + y->v;
    out:
        printf("inner(%d) = %d\n", skip, r);
    }
    live("inner", 0);
    return r;
}

int main(void) {
    setup(1);
    // CHECK: setup(1) = -1
    // CHECK-NEXT: del 1
    live("fail at 1", 0);
    // CHECK-NEXT: fail at 1: live 0
    setup(2);
    // CHECK-NEXT: setup(2) = -1
    // CHECK-NEXT: del 2
    // CHECK-NEXT: del 3
    // CHECK-NEXT: del 1
    setup(3);
    // CHECK-NEXT: setup(3) = -1
    // CHECK-NEXT: del 4
    // CHECK-NEXT: del 2
    // CHECK-NEXT: del 3
    // CHECK-NEXT: del 1
    setup(0);
    // CHECK-NEXT: setup(0) = 2
    // CHECK-NEXT: del 4
    // CHECK-NEXT: del 2
    // CHECK-NEXT: del 3
    // CHECK-NEXT: del 1
    live("setup", 0);
    // CHECK-NEXT: setup: live 0
    printf("retry %d\n", retry());
    // CHECK-NEXT: del 101
    // CHECK-NEXT: del 102
    // CHECK-NEXT: del 103
    // CHECK-NEXT: retry 103
    live("retry", 0);
    // CHECK-NEXT: retry: live 0
    inner(1);
    // CHECK-NEXT: inner(1) = 0
    // CHECK-NEXT: del 7
    // CHECK-NEXT: inner: live 0
    inner(0);
    // CHECK-NEXT: inner(0) = 15
    // CHECK-NEXT: del 8
    // CHECK-NEXT: del 7
    // CHECK-NEXT: inner: live 0
    return 0;
}
