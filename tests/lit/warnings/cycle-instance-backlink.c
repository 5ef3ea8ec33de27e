// [autorc-cycle], instance level, follows the type level's rules for the
// link to suggest: a back-link name singles it out (a fix-it); a store that
// holds the only reference to a new object is owning and never suggested;
// a container cannot be weak. None of these cycles is visible in the types
// alone (the lists are locals or parameters), so only the stores are warned.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
#include <autorc.h>

struct RC_MANAGED member { rc_list *parent_list; int id; };
// CHECK: fix-it:"{{.*}}cycle-instance-backlink.c":{[[@LINE-1]]:28-[[@LINE-1]]:28}:"RC_WEAK "
// CHECK-NOT: fix-it:

// The member's link to a list it does not own: the name decides.
void join(struct member *m, rc_list *l) {
    rc_list_append(l, m); // expected-note {{'l' refers to 'm' here (rc_list_append)}}
    m->parent_list = l;   // expected-warning {{this store closes a reference cycle 'm' -> 'l' -> 'm': the objects outlive the locals until the cycle collector runs; make the back link 'parent_list' RC_WEAK (the name 'parent_list' says it links back)}}
}

// A member that gets a new list of its own: 'parent_list' holds the only
// reference to it, whatever the name says.
struct RC_MANAGED owner_member { rc_list *parent_list; };

void join_new(struct owner_member *m) {
    rc_list *l = rc_list_new();
    rc_list_append(l, m); // expected-note {{'l' refers to 'm' here (rc_list_append); not suggested: 'l' is a container}}
    m->parent_list = l;   // expected-warning {{set a link to NULL (or clear the container) when done; no fix-it, as no link in it is known to be a back link ('parent_list' holds the only reference to the new struct rc_list stored at cycle-instance-backlink.c:28 once the local 'l' is gone, and RC_WEAK would free it then)}}
}

// The same from a loop: each new list is kept by the slot alone.
struct RC_MANAGED holder { rc_list *items; };

void own_many(struct holder *h, int n) {
    for (int i = 0; i < n; i++) {
        rc_list *l = rc_list_new();
        h->items = l;         // expected-note {{'h' refers to 'l' here; not suggested: 'items' holds the only reference to the new struct rc_list stored at cycle-instance-backlink.c:37}}
        rc_list_append(l, h); // expected-warning {{this store closes a reference cycle 'l' -> 'h' -> 'l': the objects outlive the locals until the cycle collector runs; set a link to NULL (or clear the container) when done; no fix-it, as no link in it is known to be a back link ('l' is a container, whose references cannot be made weak)}}
    }
}
