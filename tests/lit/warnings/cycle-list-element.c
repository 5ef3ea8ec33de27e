// [autorc-cycle], instance level: a list element closing a cycle. Tasks
// that list their dependencies form no cycle by type (a list of its own
// type is the ordinary shape of data), but two tasks that depend on each
// other do, and the second append closes it. What rc_list_append keeps is
// read from <autorc.h> (RC_STORES(0, 1)); a user's own container API
// annotated the same way is followed too.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED task { rc_list *deps; };

void mutual(void) {
    struct task *a = rc_new(struct task);
    struct task *b = rc_new(struct task);
    a->deps = rc_list_new();
    b->deps = rc_list_new();
    rc_list_append(a->deps, b); // expected-note {{'a' refers to 'b' here (rc_list_append)}}
    rc_list_append(b->deps, a); // expected-warning {{this store closes a reference cycle 'b' -> 'a' -> 'b'}}
}

// The program's own container function, with the runtime's contract.
RC_STORES(0, 1) void task_depend(struct task *t, struct task *on);

void mutual_through_api(void) {
    struct task *a = rc_new(struct task);
    struct task *b = rc_new(struct task);
    task_depend(a, b); // expected-note {{'a' refers to 'b' here (task_depend)}}
    task_depend(b, a); // expected-warning {{this store closes a reference cycle 'b' -> 'a' -> 'b'}}
}

// No cycle: a chain.
void chain(void) {
    struct task *a = rc_new(struct task);
    struct task *b = rc_new(struct task);
    a->deps = rc_list_new();
    rc_list_append(a->deps, b);
}
