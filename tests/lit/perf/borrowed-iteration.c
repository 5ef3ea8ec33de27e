// Borrowed iteration variables: `for (q = list; q; q = q->next)` over a
// borrowed parameter, in a function that can release nothing, is not
// counted at all (no retain per step, no pin of an assigned parameter).
// A store, a +1 call, a call to a function that may release, or a use of
// the variable other than reading it (stored, returned) keeps the counting.
// The run checks results, counts and rc_live_objects() in both modes.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck --check-prefix=OUT %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-no-elide %s %autorc_lib -o %t.naive && %t.naive | FileCheck --check-prefix=OUT %s
#include <autorc.h>
#include "../../Inputs/check.h"

struct RC_MANAGED node { struct node *next; int v; };
static struct node *cons(int v, struct node *next) {
    struct node *n = rc_new(struct node);
    n->v = v;
    n->next = next;
    return n;
}
static int sum(struct node *list) {
    int s = 0;
    for (struct node *q = list; q; q = q->next) s += q->v;
    return s;
}
// CHECK-LABEL: {{^ *}}static int sum(struct node *list) {
// CHECK-NEXT: {{^ *}}int s = 0;
// CHECK-NEXT: {{^ *}}for (struct node *q = list; q; q = q->next) s += q->v;
static int length(struct node *l) {
    int n = 0;
    for (; l; l = l->next) n++;
    return n;
}
// CHECK-LABEL: {{^ *}}static int length(struct node *l) {
// CHECK-NEXT: {{^ *}}int n = 0;
// CHECK-NEXT: {{^ *}}for (; l; l = l->next) n++;
static int drop_tail(struct node *l) {   /* stores: counted */
    int n = 0;
    for (struct node *q = l; q; q = q->next)
        if (++n == 2) q->next = NULL;
    return n;
}
// CHECK-LABEL: {{^ *}}static int drop_tail(struct node *l) {
// CHECK: {{^ *}}for (struct node *q __attribute__((cleanup(rc__drop))) = rc__retain(l); q; rc__assign((void **)&(q ), q->next))
static struct node *last(struct node *l) { /* returns q: counted (l owned) */
    struct node *q = l;
    while (q && q->next) q = q->next;
    return q;
}
// CHECK-LABEL: {{^ *}}static struct node *last(struct node *l) {
// CHECK-NEXT: {{^ *}}struct node *q __attribute__((cleanup(rc__drop))) = rc__move(&(l));

static int push_and_sum(struct node **head, int v) { /* stores, then a loop that cannot release */
    struct node *n = cons(v, NULL);
    n->next = *head;
    *head = n;
    int s = 0;
    for (struct node *q = (*head)->next; q; q = q->next) s += q->v;
    return s;
}
// CHECK-LABEL: {{^ *}}static int push_and_sum(struct node **head, int v) {
// CHECK: {{^ *}}for (struct node *q = (*head)->next; q; q = q->next) s += q->v;
static int walk_then_store(struct node *l) { /* a store later in q's block: counted */
    int n = 0;
    struct node *q = l->next;
    while (q) { n++; q = q->next; }
    l->next = NULL;
    return n;
}
// CHECK-LABEL: {{^ *}}static int walk_then_store(struct node *l) {
// CHECK: {{^ *}}struct node *q __attribute__((cleanup(rc__drop))) = rc__retain(l->next);

int main(void) {
    {
        struct node *h = cons(1, cons(3, NULL));
        int s = push_and_sum(&h, 2);
        printf("push %d count %d\n", s, (int)rc_getrefcount(h->next));
        int n = walk_then_store(h);
        printf("walked %d live %d\n", n, (int)rc_live_objects());
    }
    {
        struct node *l = cons(1, cons(2, cons(3, cons(4, NULL))));
        struct node *t = last(l);
        printf("sum %d length %d last %d count %d\n", sum(l), length(l), t->v,
               (int)rc_getrefcount(t));
        printf("dropped at %d length %d live %d\n", drop_tail(l), length(l),
               (int)rc_live_objects());
    }
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
// OUT: push 4 count 1
// OUT-NEXT: walked 2 live 1
// OUT: sum 10 length 4 last 4 count 2
// OUT-NEXT: dropped at 2 length 2 live 3
// OUT: OK
