// A flexible array member of managed pointers cannot be described by the
// type descriptor (fixed offsets, no length): its elements would never be
// released. An error naming the alternatives. Any flexible array member of
// a managed struct is an error too: rc_new allocates sizeof(T) and nothing
// allocates more, so `memset(b->data, 'x', 40)` on `struct bytes` below
// wrote past the object (pool mode silently into the next block; debug
// mode found the guard bytes overwritten at free). A plain struct's
// flexible array stays the programmer's.
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
    RC_UNOWNED struct node *items[];  // expected-error {{[autorc-field] flexible array member 'items' in managed 'struct view': rc_new allocates sizeof(struct view), with no room for its elements}}
};
struct RC_MANAGED bytes { size_t n; char data[]; }; // expected-error {{[autorc-field] flexible array member 'data' in managed 'struct bytes'}}
struct plain_bytes { size_t n; char data[]; };    // fine
