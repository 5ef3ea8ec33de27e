// [autorc-escape]: an RC_OBJECT_ARG parameter is lent for the call only; a
// function that stores it where it outlives the call (a field, an array
// element, through a pointer, a global) keeps an uncounted pointer that
// dangles once the caller releases the object. A user's `void *` vector,
// declared so after the [autorc-cast] note, freed the pushed object when
// the caller's statement ended and read it afterwards (ASan: use after
// poison), with no diagnostic.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdlib.h>

struct RC_MANAGED item { int v; };
struct vec { void **items; size_t n; void *last; };
static void *kept;

void vec_push(struct vec *v, RC_OBJECT_ARG void *x) {
    v->items = realloc(v->items, (v->n + 1) * sizeof *v->items);
    v->items[v->n++] = x; // expected-warning {{'x' is an RC_OBJECT_ARG parameter, lent for the call only: stored into an array element, it is an uncounted pointer that dangles once the caller releases the object}}
    v->last = x;          // expected-warning {{stored into 'last'}}
}

void keep(RC_OBJECT_ARG void *x, void **out) {
    kept = x;            // expected-warning {{stored into 'kept'}}
    *out = (char *)x;    // expected-warning {{stored into memory outside the function}}
}

// Not warned: locals live no longer than the call; other parameters are
// not lent objects.
int use(RC_OBJECT_ARG void *x, void *plain, struct vec *v) {
    void *tmp = x;
    tmp = x;
    v->last = plain;
    return tmp != NULL;
}

// Silenced on the function.
RC_NOWARN(escape) void registry_add(struct vec *v, RC_OBJECT_ARG void *x) { v->last = x; }

void push_items(struct vec *v) {
    struct item *it = rc_new(struct item);
    vec_push(v, it);
    keep(it, &v->last);
    use(it, NULL, v);
    registry_add(v, it);
}
