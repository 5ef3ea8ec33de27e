// [autorc-global]: a global or static local holding managed objects is
// warned at its definition, with a note at each store into it. Not warned:
// RC_WEAK / RC_UNOWNED globals, extern declarations, non-managed globals,
// and globals the file clears (a NULL store, rc_list_clear).
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; int v; };

struct node *cache; // expected-warning {{global 'cache' keeps the managed objects it refers to alive until the program exits}}
rc_list *registry;  // expected-warning {{global 'registry' keeps}}
struct node *table[8]; // expected-warning {{global 'table' keeps}}
struct holder { RC_UNOWNED struct node *borrowed; RC_WEAK struct node *w; struct node *owned; } pair; // expected-error {{[autorc-field] RC_WEAK field 'w'}} expected-warning {{global 'pair' keeps}}

struct node *remember(struct node *n) {
    cache = n;                   // expected-note {{'cache' is stored to here}}
    rc_list_append(registry, n); // expected-note {{'registry' is stored to here}}
    table[n->v & 7] = n;         // expected-note {{'table' is stored to here}}
    pair.owned = n;              // expected-note {{'pair' is stored to here}}
    return n;
}

struct node *memo(void) {
    static struct node *last; // expected-warning {{static local 'last' keeps}}
    if (!last)
        last = rc_new(struct node); // expected-note {{'last' is stored to here}}
    return last;
}

// Not warned: cleared by the program.
struct node *current;
rc_list *pending;
void use(struct node *n) { current = n; rc_list_append(pending, n); }
void done(void) { current = NULL; rc_list_clear(pending); }

// Not warned: weak or unowned, declarations, plain data.
RC_WEAK struct node *last_seen;
RC_UNOWNED struct node *root;
extern struct node *elsewhere;
int counter;
char *name;
void touch(struct node *n) { last_seen = n; root = n; counter++; }
