// Typed lists compile with -std=c99: glibc's sys/cdefs.h defines
// _Static_assert as a declaration for pre-C11 modes, which the element
// check's struct could not hold ("type name does not allow storage class to
// be specified" at every rc_tlist_append). Under that stand-in the check is
// a bit-field whose width is negative for an element of the wrong type.
// RUN: %clang -std=c99 -I%autorc_include -fsyntax-only -Xclang -verify %s
// REQUIRES: plugin
// RUN: %clang -std=c99 %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
// RUN: %cc -std=c99 %plugin_flags %s %autorc_lib -DONLY_RIGHT -o %t && %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED n { int v; };
struct RC_MANAGED other { int w; };
RC_LIST_OF(nl, struct n);

int main(void) {
    nl *l = rc_tlist_new(nl);
    struct n *x = rc_new(struct n);
    x->v = 7;
    rc_tlist_append(l, x);
    rc_tlist_append(l, NULL);
#ifndef ONLY_RIGHT
    struct other *y = rc_new(struct other);
    rc_tlist_append(l, y); // expected-error {{bit-field 'element_of_the_wrong_type_for_this_typed_list' has negative width}}
#endif
    // CHECK: 2 7
    printf("%zu %d\n", rc_tlist_len(l), rc_tlist_get(l, 0)->v);
    return 0;
}
