// RC_WEAK fields and locals read NULL once the target died and do not keep
// it alive; RC_UNOWNED slots are not counted. Parameters are borrowed (no
// count change during the call); a parameter the function assigns is pinned
// (retained for the call) and returning a parameter retains it.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { finalized++; }

struct RC_MANAGED child {
    RC_WEAK struct node *parent;
    RC_UNOWNED struct node *owner;
};

static size_t count_in_call(struct node *n) { return rc_getrefcount(n); }

static int length(struct node *n) { /* assigns its parameter */
    int len = 0;
    while (n) {
        len++;
        n = n->next;
    }
    return len;
}

static struct node *identity(struct node *n) { return n; }

int main(void) {
    struct node *p = node_new(1);
    struct child *c = rc_new(struct child);
    c->parent = p;
    c->owner = p;
    RC_WEAK struct node *w = p;
    printf("weak count %zu parent %d w %d\n", rc_getrefcount(p), c->parent->value, w->value);
    printf("borrowed in call %zu\n", count_in_call(p));
    p->next = node_new(2);
    p->next->next = node_new(3);
    printf("length %d count %zu\n", length(p), rc_getrefcount(p));
    struct node *q = identity(p);
    printf("identity %zu\n", rc_getrefcount(p));
    q = NULL;
    p = NULL; /* last strong reference */
    printf("dead parent %s w %s finalized %d\n", c->parent ? "alive" : "NULL",
           w ? "alive" : "NULL", finalized);
    c = NULL;
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: weak count 1 parent 1 w 1
// CHECK-NEXT: borrowed in call 1
// CHECK-NEXT: length 3 count 1
// CHECK-NEXT: identity 2
// CHECK-NEXT: dead parent NULL w NULL finalized 3
// CHECK-NEXT: live 0
