// [autorc-global]: a global pointer to a heap array of managed pointers (a
// slot array, `struct obj **`) keeps every object in the array alive once
// the program gives it a block from a call (calloc, rc_slots_resize);
// stores into its elements are noted. rc_slots_free(slots, n) (RC_CLEARS
// in <autorc.h>) clears it. A global pointer to managed slots that no call
// fills points into slots another owner holds, and is not warned.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdlib.h>

struct RC_MANAGED obj { struct obj *next; int v; };

struct obj **slots; // expected-warning {{global 'slots' keeps the managed objects it refers to alive until the program exits}}
struct obj **resized; // expected-warning {{global 'resized' keeps the managed objects it refers to alive until the program exits}}
struct obj **freed;   // rc_slots_free below
struct obj **cursor;  // points into a node's field: not an owner

void grow(size_t n) {
    slots = calloc(n, sizeof *slots); // expected-note {{'slots' is stored to here}}
    resized = rc_slots_resize(resized, 0, n); // expected-note {{'resized' is stored to here}}
    freed = rc_slots_resize(freed, 0, n);
}

void put(size_t i, struct obj *o) {
    slots[i] = o; // expected-note {{'slots' is stored to here}}
    *resized = o; // expected-note {{'resized' is stored to here}}
    freed[i] = o;
    cursor = &o->next;
    *cursor = NULL;
}

void done(size_t n) { rc_slots_free(freed, n); }
