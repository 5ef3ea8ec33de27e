// rc_gc_dump_dot draws at most 32 references and 32 referrers per object;
// the rest are counted in a dashed note (objgraph's too_many).
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
#include <autorc.h>
#include "../../Inputs/check.h"

struct item { int v; };

int main(void) {
    rc_list *big = rc_list_new();
    for (int i = 0; i < 100; i++) {
        struct item *it = rc_new(struct item);
        rc_list_append(big, it);
        rc_decref(it);
    }
    rc_gc_dump_dot(big, 1, stdout);
    // CHECK: n0 [label="rc_list\n0x{{[0-9a-f]+}}\nrefcount 1", fillcolor=yellow];
    // CHECK: n32 [label="struct item
    // CHECK-NOT: n33 [
    // CHECK: n0 -> n1 [label="[0]"];
    // CHECK: n0 -> n32 [label="[31]"];
    // CHECK-NOT: [label="[32]"]
    // CHECK: n0_more [shape=plaintext, style="", label="68 more references"];
    // CHECK-NEXT: n0 -> n0_more [style=dashed];
    // CHECK-NEXT: }

    struct item *shared = rc_new(struct item);
    rc_list *holders[40];
    for (int i = 0; i < 40; i++) {
        holders[i] = rc_list_new();
        rc_list_append(holders[i], shared);
    }
    rc_gc_dump_dot(shared, 1, stdout);
    // CHECK: n0 [label="struct item\n0x{{[0-9a-f]+}}\nrefcount 41", fillcolor=yellow];
    // CHECK: n32 [label="rc_list
    // CHECK-NOT: n33 [
    // CHECK: n0_refs [shape=plaintext, style="", label="8 more referrers"];
    // CHECK-NEXT: n0_refs -> n0 [style=dashed];
    // CHECK-NEXT: }
    for (int i = 0; i < 40; i++) rc_decref(holders[i]);
    rc_decref(shared);
    rc_decref(big);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
    // CHECK: OK
}
