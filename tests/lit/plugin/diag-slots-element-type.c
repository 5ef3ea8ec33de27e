// rc_slots_resize and rc_slots_free release the elements they drop: as
// managed pointers, or (rewritten by the plugin) as plain structs holding
// them. Given an array of anything else they would release ints or plain
// pointers as objects: an error naming the element type. A void * says
// nothing about its elements and a managed pointer is [autorc-cast]'s.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdlib.h>

struct RC_MANAGED node { struct node *next; int v; };
struct plain { int a; char *s; };
struct kv { int key; struct node *val; };

void f(int *ints, char **names, struct plain *ps, struct node **nodes, struct kv *kvs, void *any) {
    ints = rc_slots_resize(ints, 4, 8); // expected-error {{[autorc-slots] rc_slots_resize() of an array of 'int': it resizes and frees arrays of managed pointers or of structs holding them, and would release these elements as pointers; use realloc() and free() for this array}}
    rc_slots_free(names, 4);            // expected-error {{[autorc-slots] rc_slots_free() of an array of 'char *'}}
    rc_slots_free(ps, 2);               // expected-error {{[autorc-slots] rc_slots_free() of an array of 'struct plain'}}
    nodes = rc_slots_resize(nodes, 4, 8);
    kvs = rc_slots_resize(kvs, 4, 8);
    rc_slots_free(any, 1);
    rc_slots_free(nodes, 8);
    rc_slots_free(kvs, 8);
}
