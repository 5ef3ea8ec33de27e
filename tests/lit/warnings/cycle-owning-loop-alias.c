// [autorc-cycle]: objects made in a loop and kept by one slot each are
// owned by that slot, even when a local set in the loop (`first`, `last`)
// passes one of them on after it. deltablue's chain: each variable is made
// in the loop, stored into the `out` of one constraint (and the `in` of
// the next), and only the first and last are used after the loop. The
// constraints are created by a function that stores them into an existing
// variable, which makes `in` and `out` look like links back to the
// creator; counting the stores through `first` and `last` as stores of
// every variable hid that `out` holds the only reference to each new one,
// and the warning suggested RC_WEAK on `in` and `out`, which frees the
// middle of the chain at once. Now `out` is owning and no link is
// suggested.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// CHECK-NOT: fix-it:
#include <autorc.h>

struct RC_MANAGED var;
struct RC_MANAGED con {
    struct var *in; // expected-note {{the cycle goes on through strong field 'in' (struct con -> struct var); a back link (struct con objects are created and stored by struct var (cycle-owning-loop-alias.c:30): 'in' links back to the creator), but the cycle goes on without it}}
    struct var *out; // expected-note {{strong field 'out' (struct con -> struct var) is in the same cycle; not suggested: 'out' holds the only reference to the new struct var stored at cycle-owning-loop-alias.c:29 (through the call at cycle-owning-loop-alias.c:45) once the local 'v' is gone, and RC_WEAK would free it then}}
};
struct RC_MANAGED var { struct con *determined_by; long value; }; // expected-warning {{strong field 'determined_by' closes a reference cycle (struct var -> struct con -> struct var) that only the cycle collector frees; no fix-it}}

static struct con *con_new(struct var *in, struct var *out) {
    struct con *c = rc_new(struct con);
    c->in = in;
    c->out = out;
    out->determined_by = c;
    return c;
}

static struct var *var_new(long value) {
    struct var *v = rc_new(struct var);
    v->value = value;
    return v;
}

long chain(int n) {
    struct var *prev = NULL, *first = NULL, *last = NULL;
    for (int i = 0; i <= n; i++) {
        struct var *v = var_new(i);
        if (prev)
            con_new(prev, v);
        if (i == 0)
            first = v;
        if (i == n)
            last = v;
        prev = v;
    }
    con_new(last, first);
    return first->value + last->value;
}
