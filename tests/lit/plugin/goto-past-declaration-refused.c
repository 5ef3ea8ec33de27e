// A local a goto jumps past has its storage hoisted to the start of its
// block (before its guard), so its type must be nameable there and no
// earlier use in the block may mean another variable of the same name; its
// address cannot be taken in the declaration statement that declares it.
// REQUIRES: plugin
// RUN: not %clang %plugin_flags -I%autorc_include -fsyntax-only %s 2>&1 | FileCheck %s
#include <autorc.h>

struct RC_MANAGED node { int v; };
struct node *g;

int shadowed(int c) {
    int v = g->v;
    if (c)
        goto out;
    // CHECK: goto-past-declaration-refused.c:[[@LINE+1]]:18: error: [autorc-unsupported] a goto jumps past the declaration of the managed local 'g', and its block uses another 'g' before it; rename one of them
    struct node *g = rc_new(struct node);
    v += g->v;
out:
    return v;
}

int local_type(int c) {
    struct holder { struct node *n; };
    if (c)
        goto out;
    // CHECK: goto-past-declaration-refused.c:[[@LINE+1]]:19: error: [autorc-unsupported] a goto jumps past the declaration of the managed local 'h', whose type is unnamed or declared in its block; name the type (a tag or a typedef) outside the block
    struct holder h = { rc_new(struct node) };
    (void)h;
out:
    return 0;
}

int address_in_same_declaration(int c) {
    if (c)
        goto out;
    // CHECK: goto-past-declaration-refused.c:[[@LINE+1]]:51: error: [autorc-unsupported] the address of the managed local 'a' in the declaration statement that declares it, past which a goto jumps: 'a' is stored when the statement ends; declare 'pa' in a statement of its own
    struct node *a = rc_new(struct node), **pa = &a;
    (void)pa;
out:
    return 0;
}
