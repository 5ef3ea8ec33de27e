// [autorc-cycle]: a ring of one self-typed field closed by a store into an
// object the function reached by reading strong fields: `t = t->next` to
// the end, then `t->next = head`; or `b = a->next; b->next = a`. A ring
// built from new objects in one function was warned (corpus cycle-t17);
// these were not, as a local set from a field named an unrelated object.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; int v; };
struct RC_MANAGED box { struct node *first; };

void close_ring(struct node *head) {
    struct node *t = head;
    while (t->next)
        t = t->next; // expected-note {{'t' is set to 't->next' here, an object reached through strong field 'next'}}
    t->next = head; // expected-warning {{this store closes a reference cycle 't' -> 'head' -> 't': the objects outlive the locals until the cycle collector runs}}
}

void pair(struct node *a) {
    struct node *b = a->next; // expected-note {{'b' is set to 'a->next' here}}
    b->next = a; // expected-warning {{this store closes a reference cycle 'b' -> 'a' -> 'b'}}
}

void through_box(struct box *x) {
    struct node *f = x->first;
    f->next = x->first->next;
    struct node *g = f->next; // expected-note {{'g' is set to 'f->next' here}}
    g->next = f; // expected-warning {{this store closes a reference cycle 'g' -> 'f' -> 'g'}}
}

// Fine: a walk that appends a new node, reverses the list, or unlinks; a
// link overwritten after the read (the path is gone); a cycle broken
// before the function returns.
void append(struct node *head, int v) {
    struct node *t = head;
    while (t->next)
        t = t->next;
    struct node *n = rc_new(struct node);
    n->v = v;
    t->next = n;
}

struct node *reverse(struct node *head) {
    struct node *prev = NULL, *cur = head;
    while (cur) {
        struct node *next = cur->next;
        cur->next = prev;
        prev = cur;
        cur = next;
    }
    return prev;
}

void move_front(struct node *head, struct node *prev) {
    struct node *cur = prev->next;
    prev->next = cur->next;
    cur->next = head;
}

void closed_then_broken(struct node *head) {
    struct node *t = head->next;
    t->next = head;
    t->next = NULL;
}
