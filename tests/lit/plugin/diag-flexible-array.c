// A flexible array member of managed pointers cannot be described by the
// type descriptor (fixed offsets, no length): its elements would never be
// released. An error naming the alternatives. RC_UNOWNED ones and plain
// flexible arrays are fine.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; int v; };
struct RC_MANAGED bucket {
    size_t n;
    struct node *items[];             // expected-error {{[autorc-field] flexible array member 'items' of managed pointers: the type descriptor cannot know its length, so its elements would never be released; use a fixed-size array, a pointer to a calloc or rc_slots_resize array, or an rc_list}}
};
struct RC_MANAGED weak_bucket {
    size_t n;
    RC_WEAK struct node *items[];     // expected-error {{[autorc-field] flexible array member 'items'}}
};
struct RC_MANAGED view {
    size_t n;
    RC_UNOWNED struct node *items[];  // not counted: fine
};
struct RC_MANAGED bytes { size_t n; char data[]; }; // fine
