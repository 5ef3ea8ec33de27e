// [autorc-cycle]: a store that holds the only reference to a new object is
// an owning link and is never suggested RC_WEAK, whatever its name; when
// no other link is known to be the back link the warning has no fix-it and
// says why each link was not suggested.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// CHECK-NOT: fix-it:
#include <autorc.h>

struct RC_MANAGED group { rc_list *jobs; }; // expected-note {{and strong field 'jobs' (struct group -> rc_list -> struct job), which may hold struct job objects}}
struct RC_MANAGED job { struct group *parent; }; // expected-warning {{strong field 'parent' closes a reference cycle (struct job -> struct group -> rc_list -> struct job) that only the cycle collector frees; no fix-it, as the evidence does not single out a back link whose RC_WEAK breaks it (not suggested: 'parent' holds the only reference to the new struct group stored at cycle-owning-store.c:16, which RC_WEAK would free at once)}}

struct job *job_new(void) {
    struct job *j = rc_new(struct job);
    j->parent = rc_new(struct group);
    j->parent->jobs = rc_list_new();
    rc_list_append(j->parent->jobs, j);
    return j;
}

// The same with the new object in a local of a loop: the local dies at
// each iteration's end, the slot keeps the only reference.
struct RC_MANAGED var;
struct RC_MANAGED con { struct var *out; }; // expected-note {{'out' holds the only reference to the new struct var stored at cycle-owning-store.c:32}}
struct RC_MANAGED var { struct con *determined_by; }; // expected-warning {{strong field 'determined_by' closes a reference cycle (struct var -> struct con -> struct var) that only the cycle collector frees; no fix-it}}

void chain(int n) {
    for (int i = 0; i < n; i++) {
        struct var *v = rc_new(struct var);
        struct con *c = rc_new(struct con);
        c->out = v;
        v->determined_by = c;
    }
}
