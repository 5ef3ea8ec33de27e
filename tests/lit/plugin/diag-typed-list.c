// A typed list (RC_LIST_OF) refuses an element of another type at compile
// time (a plain C prototype would only warn); NULL and the right type pass.
// RUN: %clang -I%autorc_include -fsyntax-only -Xclang -verify %s
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED a { int x; };
struct RC_MANAGED b { int y; };
RC_LIST_OF(a_list, struct a);

void use(a_list *l, struct a *x, struct b *y) {
    rc_tlist_append(l, x);
    rc_tlist_append(l, NULL);
    rc_tlist_append(l, y);       // expected-error {{element of the wrong type for this typed list}}
    rc_tlist_set(l, 0, y);       // expected-error {{element of the wrong type for this typed list}}
    rc_tlist_insert(l, 0, y);    // expected-error {{element of the wrong type for this typed list}}
}
