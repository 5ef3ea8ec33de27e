// [autorc-free]: a managed object taken from the C allocator. malloc'd
// memory has no object header, so the first count change the plugin
// inserts wrote into malloc's own chunk header: `struct node *n =
// malloc(sizeof *n)` compiled without a word and corrupted the heap (an
// ASan SEGV in rc_decref; pool and debug modes printed nothing). rc_new is
// the allocator; plain structs and arrays of pointers stay malloc's.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdlib.h>

typedef struct RC_MANAGED node { int v; struct node *next; } node;
struct plain { int a, b; };

node *make(int v) {
    node *n = malloc(sizeof *n);          // expected-error {{[autorc-free] malloc() makes no managed object: 'node' needs the object header rc_new puts in front of it}}
    n->v = v;
    return n;
}

void arrays(size_t count, node *keep) {
    node *arr = calloc(count, sizeof *arr);              // expected-error {{[autorc-free] calloc() makes no managed object: 'node'}}
    struct node *cast = (struct node *)aligned_alloc(16, 64); // expected-error {{aligned_alloc() makes no managed object: 'struct node'}}
    keep->next = realloc(NULL, sizeof(node));            // expected-error {{realloc() makes no managed object}}
    keep = realloc(keep, 64);                            // expected-error {{[autorc-free] realloc() of a managed pointer}}
    (void)arr, (void)cast;
}

// Fine: memory that holds no object.
void plain(size_t count) {
    struct plain *p = malloc(sizeof *p);
    node **slots = calloc(count, sizeof *slots);
    char *bytes = malloc(count);
    free(p), free(bytes);
    rc_slots_free(slots, count);
}
