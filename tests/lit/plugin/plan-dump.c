// -fplugin-arg-autorc-dump-plan prints each function's plan: the facts
// found before the edits and the action chosen for each declaration and
// expression (docs/semantics.md, "The plan"), in source order.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -fplugin-arg-autorc-dump-plan -I%autorc_include -fsyntax-only %s | FileCheck %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; RC_WEAK struct node *prev; int v; };

struct node *make(int v);
void use(struct node *n);
void swap_out(struct node **slot, struct node *n);

struct node *plan(struct node *p, struct node *q) {
    struct node *a = make(1);
    struct node *b = p;
    RC_WEAK struct node *w = a;
    a->next = b;
    a->prev = q;
    use(p->next);
    make(2);
    swap_out(&b, b);
    q = a;
    return a;
}
// CHECK-LABEL: function plan:
// CHECK-NEXT:   14:48 pin q
// CHECK-NEXT:   15:18 strong-local a
// CHECK-NEXT:   15:22 take make(1)
// CHECK-NEXT:   16:18 fact:addr-taken b
// CHECK-NEXT:   16:18 strong-local b
// CHECK-NEXT:   16:22 retain p
// CHECK-NEXT:   17:26 weak-local w
// CHECK-NEXT:   18:13 assign a->next
// CHECK-NEXT:   19:13 weak-store a->prev
// CHECK-NEXT:   20:9 keep-alive p->next
// CHECK-NEXT:   21:5 release make(2)
// CHECK-NEXT:   22:18 keep-alive b
// CHECK-NEXT:   23:7 assign q
// CHECK-NEXT:   24:12 move a
