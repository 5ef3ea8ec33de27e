// Stores into a fresh object: after `T *o = rc_new(T);`, while the
// statements that follow use o only as `o->f`, a strong field not yet
// stored holds NULL, so `o->f = v` releases nothing (a plain store, v
// retained if +0). The push `o->next = S; S = o;` moves S's reference into
// o->next: no retain, no release. Anything else keeps rc__assign.
// The run checks values, counts and rc_live_objects() in both modes.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-stats %s 2>&1 | FileCheck --check-prefix=STATS %s
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck --check-prefix=OUT %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-no-elide %s %autorc_lib -o %t.naive && %t.naive | FileCheck --check-prefix=OUT %s
#include <autorc.h>
#include "../../Inputs/check.h"

struct RC_MANAGED node { struct node *next; struct node *other; int v; };
struct RC_MANAGED stack { struct node *top; struct node *slots[4]; };
struct node *make(int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    return n;
}
void touch(struct node *n) { (void)n; }

void fields(struct node *a, struct node *b) {
    struct node *n = rc_new(struct node);
    n->next = a;
    n->other = make(1);
    n->next = b;
    touch(n);
    n->other = a;
    printf("fields %d %d\n", n->next->v, n->other->v);
}
// CHECK-LABEL: {{^ *}}void fields(struct node *a, struct node *b) {
// CHECK: {{^ *}}n->next = rc__retain(a);
// CHECK-NEXT: {{^ *}}n->other = make(1);
// A second store to a field: counted.
// CHECK-NEXT: {{^ *}}rc__assign((void **)&(n->next ), b);
// CHECK-NEXT: {{^ *}}touch(n);
// After n was passed on: counted.
// CHECK-NEXT: {{^ *}}rc__assign((void **)&(n->other ), a);

void push(struct stack *s, int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    n->next = s->top;
    s->top = n;
}
// CHECK-LABEL: {{^ *}}void push(struct stack *s, int v) {
// CHECK: {{^ *}}n->next = s->top;
// CHECK-NEXT: {{^ *}}s->top = rc__move(&(n));

void push_slot(struct stack *s, int i, int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    n->next = s->slots[i & 3]; s->slots[i & 3] = n;
    printf("pushed %d count %d\n", n->v, (int)rc_getrefcount(n));
}
// CHECK-LABEL: {{^ *}}void push_slot(struct stack *s, int i, int v) {
// CHECK: {{^ *}}n->next = s->slots[i & 3]; s->slots[i & 3] = rc__retain(n);

void not_a_push(struct stack *s, struct stack *t) {
    struct node *n = rc_new(struct node);
    n->next = s->top;
    t->top = n;          /* another slot: s->top keeps its reference */
}
// CHECK-LABEL: {{^ *}}void not_a_push(struct stack *s, struct stack *t) {
// CHECK: {{^ *}}n->next = rc__retain(s->top);
// CHECK-NEXT: {{^ *}}rc__assign_owned((void **)&(t->top ), rc__move(&(n)));

int main(void) {
    {
        struct node *a = make(10), *b = make(20);
        fields(a, b);
        printf("after %d %d live %d\n", (int)rc_getrefcount(a), (int)rc_getrefcount(b),
               (int)rc_live_objects());
        struct stack *s = rc_new(struct stack);
        struct stack *t = rc_new(struct stack);
        for (int i = 0; i < 3; i++) push(s, i);
        push_slot(s, 1, 7);
        push_slot(s, 1, 8);
        int n = 0;
        for (struct node *q = s->top; q; q = q->next) n = n * 10 + q->v;
        printf("stack %d slot %d-%d count %d\n", n, s->slots[1]->v, s->slots[1]->next->v,
               (int)rc_getrefcount(s->top->next));
        not_a_push(s, t);
        printf("shared %d count %d\n", t->top->next->v, (int)rc_getrefcount(s->top));
    }
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
// OUT: fields 20 10
// OUT-NEXT: after 1 1 live 2
// OUT-NEXT: pushed 7 count 2
// OUT-NEXT: pushed 8 count 2
// OUT-NEXT: stack 210 slot 8-7 count 1
// OUT-NEXT: shared 2 count 2
// OUT: OK
// STATS: 5 stores into fresh objects, 2 pushes; 5 allocation sites out of line
