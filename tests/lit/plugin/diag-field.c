// A managed pointer field in a struct that is not RC_MANAGED would never be
// released: an error (RC_UNOWNED fields are fine). Managed structs cannot
// be held by value.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; };

struct plain {
    struct node *strong; // expected-error {{[autorc-field] managed pointer field 'strong' in non-managed 'struct plain'}}
    RC_WEAK struct node *weak; // expected-error {{[autorc-field] managed pointer field 'weak'}}
    RC_UNOWNED struct node *unowned;
    struct node *many[2]; // expected-error {{[autorc-field] managed pointer field 'many'}}
    rc_list *list; // expected-error {{[autorc-field] managed pointer field 'list'}}
};

struct RC_MANAGED outer {
    struct node inline_node; // expected-error {{[autorc-field] field 'inline_node' holds a managed struct by value}}
};

void local(void) {
    struct node by_value; // expected-error {{[autorc-unsupported] a managed struct cannot be a local by value}}
    (void)by_value;
}
