// [autorc-global]: a global the file clears through a helper of its own is
// managed by hand, as one it sets to NULL directly: the helper stores NULL
// through a pointer parameter (`reset(&current)`), passes the pointer on to
// such a helper, or hands its parameter to an RC_CLEARS call. A helper
// that does something else with the pointer, or a function whose body the
// file does not have, clears nothing that the check can see.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED obj { int v; };

static void reset(struct obj **slot) { *slot = NULL; }
static void reset_first(struct obj **slots) { slots[0] = NULL; }
static void reset_twice_removed(struct obj **slot) { reset(slot); }
static void empty(rc_list *l) { rc_list_clear(l); }
static void empty_through(rc_list **l) { rc_list_clear(*l); }
static void peek(struct obj **slot) { (void)*slot; }
void opaque_reset(struct obj **slot);

struct obj *current;  // cleared by reset(&current)
struct obj *chained;  // cleared through two helpers
struct obj *first;    // cleared by reset_first(&first)
rc_list *pending;     // cleared by empty(pending)
rc_list *queued;      // cleared by empty_through(&queued)
struct obj *peeked;   // expected-warning {{global 'peeked' keeps the managed objects it refers to alive until the program exits}}
struct obj *elsewhere; // expected-warning {{global 'elsewhere' keeps the managed objects it refers to alive until the program exits}}

void set_all(struct obj *o) {
    current = o;
    chained = o;
    first = o;
    rc_list_append(pending, o);
    rc_list_append(queued, o);
    peeked = o;    // expected-note {{'peeked' is stored to here}}
    elsewhere = o; // expected-note {{'elsewhere' is stored to here}}
}

void shutdown(void) {
    reset(&current);
    reset_twice_removed(&chained);
    reset_first(&first);
    empty(pending);
    empty_through(&queued);
    peek(&peeked);
    opaque_reset(&elsewhere);
}
