// In a cycle of several types the warning names a link between them, not a
// type's link to itself: an environment chain whose cycle goes env -> vars
// (an rc_dict of values) -> a closure's env was reported as "'parent'
// closes a reference cycle (struct env -> struct env)", a link that closes
// nothing here (examples/lisp, found by u6). 'parent' is a note: in the
// same cycle, not the link it goes through; the cycle text spells the
// container (rc_dict, not rc_list).
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

typedef struct val val;
typedef struct env env;
struct RC_MANAGED val {
    val *car, *cdr; // expected-note 2 {{is in the same cycle; not suggested}}
    env *closure;   // expected-warning {{strong field 'closure' closes a reference cycle (struct val -> struct env -> rc_dict -> struct val) that only the cycle collector frees}}
};
struct RC_MANAGED env {
    rc_dict *vars; // expected-note {{and strong field 'vars' (struct env -> rc_dict -> struct val), which may hold struct val objects}}
    env *parent;   // expected-note {{strong field 'parent' (struct env -> struct env) is in the same cycle}}
};

static env *env_new(env *parent) {
    env *e = rc_new(env);
    e->vars = rc_dict_new();
    e->parent = parent;
    return e;
}

void define(env *e, rc_str *name, val *v) { rc_dict_set(e->vars, name, v); }

val *lambda(env *e, val *params) {
    val *fn = rc_new(val);
    fn->car = params;
    fn->closure = env_new(e);
    return fn;
}
