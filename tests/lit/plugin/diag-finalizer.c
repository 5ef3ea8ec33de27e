// RC_FINALIZER must be `void f(T *self)` for an RC_MANAGED T.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; };
struct plain { int x; };

RC_FINALIZER void ok(struct node *self) { (void)self; }
RC_FINALIZER int bad_return(struct node *self) { (void)self; return 0; } // expected-error {{[autorc-finalizer] RC_FINALIZER function 'bad_return' must have the form 'void f(T *self)'}}
RC_FINALIZER void bad_type(struct plain *self) { (void)self; } // expected-error {{[autorc-finalizer]}}

// A second finalizer for the same type names the first.
RC_FINALIZER void fin_node(struct node *self) { (void)self; } // expected-error {{[autorc-finalizer] second RC_FINALIZER for 'struct node' (first: 'ok')}}
