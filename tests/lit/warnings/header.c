// Warnings in a user header: reported once per compile, at the header's
// lines and columns, also on header lines the rewrite changed.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only %s 2>&1 | FileCheck %s
// CHECK: dlist.h:5:52: warning: strong fields 'next' and 'prev' link struct dn objects both ways{{.*}}[autorc-cycle]
// CHECK: dlist.h:5:35: note: the cycle goes on through strong field 'next'
// CHECK: dlist.h:7:18: warning: this store closes a reference cycle 'b' -> 'a' -> 'b'{{.*}}[autorc-cycle]
// CHECK: dlist.h:7:5: note: 'a' refers to 'b' here
// CHECK: 2 warnings generated.
#include "Inputs/dlist.h"

int main(void) {
    struct dn *a = rc_new(struct dn);
    link2(a, a);
    return 0;
}
