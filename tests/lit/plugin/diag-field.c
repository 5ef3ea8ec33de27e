// Fields the plugin cannot count: an RC_WEAK field in a plain struct (a
// weak slot is registered at its address, which struct copies do not
// follow) and a managed struct by value anywhere but as the first member
// of a managed struct. Strong and RC_UNOWNED fields of plain structs are
// fine (counted by value, docs/semantics.md); so is a base struct.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; };

struct plain {
    struct node *strong;
    RC_WEAK struct node *weak; // expected-error {{[autorc-field] RC_WEAK field 'weak' in non-managed 'struct plain'}}
    RC_UNOWNED struct node *unowned;
    struct node *many[2];
    rc_list *list;
};

struct RC_MANAGED outer {
    int n;
    struct node inline_node; // expected-error {{[autorc-field] field 'inline_node' holds a managed struct by value; only the first member}}
};

struct RC_MANAGED derived {
    struct node base;
    int extra;
};

struct also_plain {
    struct node base; // expected-error {{[autorc-field] field 'base' holds a managed struct by value}}
};

void local(void) {
    struct node by_value; // expected-error {{[autorc-unsupported] a managed struct cannot be a local by value}}
    (void)by_value;
}
