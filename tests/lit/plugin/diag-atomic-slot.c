// An _Atomic managed pointer is not a pointer type to the rewriter: its
// stores would be neither retained nor released (a dangling pointer), and
// the counts are not atomic anyway. An error on every declaration.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node {
    struct node *next;
    _Atomic(struct node *) shared;    // expected-error {{[autorc-unsupported] 'shared' is an _Atomic managed pointer ('_Atomic(struct node *)'): atomic slots are not counted}}
    struct node *_Atomic also;        // expected-error {{[autorc-unsupported] 'also' is an _Atomic managed pointer}}
    RC_UNOWNED struct node *plain;
};
_Atomic(struct node *) global_head;   // expected-error {{[autorc-unsupported] 'global_head' is an _Atomic managed pointer}}
_Atomic(int) counter;                 // not managed: fine

void f(_Atomic(struct node *) p) {    // expected-error {{[autorc-unsupported] 'p' is an _Atomic managed pointer}}
    _Atomic(struct node *) ring[2];   // expected-error {{[autorc-unsupported] 'ring' is an _Atomic managed pointer}}
    (void)ring;
}
