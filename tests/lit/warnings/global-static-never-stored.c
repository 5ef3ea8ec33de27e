// [autorc-global]: a global only this file can reach (`static`, or a
// static local) that the file never stores into holds NULL for the whole
// run, so it keeps nothing alive and is not warned: no store, a zero
// initialiser, and every use a read (`g`, `g->f`, `g[i]`, `s.f`). Its
// address taken, its array passed on, a non-zero initialiser or a store
// into it (also through an RC_STORES call) still warns, as does a global
// other files may store into. Before the fix each of the first three was
// warned (a false positive).
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; int v; };
struct holder { struct node *n; int k; };

// Not warned: never stored into.
static struct node *never;
static struct node *table[4] = {0};
static struct holder box = {NULL, 1};
int read_them(void) {
    static struct node *memo_unused;
    int k = 0;
    if (never && never->next)
        k += never->v;
    if (table[1])
        k += table[1]->v;
    k += box.k + (box.n ? 1 : 0) + (memo_unused != NULL);
    return k + (int)sizeof(never);
}

// Warned: stored into, or reachable from elsewhere.
static struct node *stored;       // expected-warning {{global 'stored' keeps}}
static struct node *addressed;    // expected-warning {{global 'addressed' keeps}}
static struct node *passed[2];    // expected-warning {{global 'passed' keeps}}
static rc_list *filled;           // expected-warning {{global 'filled' keeps}}
struct node *exported;            // expected-warning {{global 'exported' keeps}}
void set_through(struct node **slot, struct node *n);
void fill(struct node **slots);
void use(struct node *n) {
    stored = n;                  // expected-note {{'stored' is stored to here}}
    set_through(&addressed, n);
    fill(passed);
    rc_list_append(filled, n);   // expected-note {{'filled' is stored to here}}
}
