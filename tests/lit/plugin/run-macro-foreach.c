// Foreach macros over managed lists: the loop header comes from a user
// macro (`list_for_each(pos, head) { ... }`), so its stores are inside the
// macro's expansion. The plugin replaces each invocation in the .c file by
// its expansion, on the invocation's own line, and counts it like code
// written out: the cursor is retained while it points at a node, the
// nodes freed when the list goes, nothing is left alive.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED node { int v; struct node *next; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }

// A cursor declared by the caller, or by the macro itself.
#define list_for_each(pos, head) for (pos = (head); pos != NULL; pos = pos->next)
#define LIST_FOREACH(T, var, head) for (T *var = (head); var; var = var->next)

static struct node *push(struct node *list, int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    n->next = list;
    return n;
}

static int sum(struct node *list) {
    int s = 0;
    struct node *pos;
    // EMIT: {{^}}    for ( rc__assign_owned((void **)&(pos ), ( rc__move(&(list)) )) ; pos != NULL ; rc__assign((void **)&(pos ), pos -> next) ) {
    list_for_each(pos, list) {
        s += pos->v;
    }
    return s;
}

static void drop_head_while_iterating(struct node **list) {
    // The body drops the list: the cursor still holds the node it is on.
    // EMIT: {{^}}    for ( struct node * it __attribute__((cleanup(rc__drop))) = rc__retain(( * list )) ; it ; rc__assign((void **)&(it ), it -> next) ){{$}}
    LIST_FOREACH(struct node, it,
                 *list) {
        if (it == *list)
            *list = NULL;
        printf("at %d (line %d)\n", it->v, __LINE__);
    }
}

int main(void) {
    struct node *l = NULL;
    for (int i = 1; i <= 3; i++)
        l = push(l, i);
    printf("sum %d\n", sum(l));
    // CHECK: sum 6
    drop_head_while_iterating(&l);
    // The invocation spans two lines; the body is still on line 46.
    // CHECK-NEXT: at 3 (line 46)
    // CHECK-NEXT: del 3
    // CHECK-NEXT: at 2 (line 46)
    // CHECK-NEXT: del 2
    // CHECK-NEXT: at 1 (line 46)
    // CHECK-NEXT: del 1
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
