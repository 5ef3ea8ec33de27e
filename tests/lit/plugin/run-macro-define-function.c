// Macros that define a function per type (`DEFINE_POP_FRONT(T)`), the C
// programmer's templates: each invocation at file scope is replaced by its
// expansion — the whole function, on the invocation's line — and the
// function is counted like one written out. Two types share the macros;
// finalizers run in order and nothing is left alive.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED node { int v; struct node *next; };
struct RC_MANAGED job { int id; struct job *next; };
RC_FINALIZER void node_del(struct node *self) { printf("del node %d\n", self->v); }
RC_FINALIZER void job_del(struct job *self) { printf("del job %d\n", self->id); }

#define DEFINE_PUSH_FRONT(T)                                    \
    static void T##_push_front(struct T **head, struct T *x) {  \
        x->next = *head;                                        \
        *head = x;                                              \
    }
#define DEFINE_POP_FRONT(T)                                     \
    static struct T *T##_pop_front(struct T **head) {           \
        struct T *first = *head;                                \
        if (first)                                              \
            *head = first->next;                                \
        return first;                                           \
    }
#define DEFINE_LIST(T) DEFINE_PUSH_FRONT(T) DEFINE_POP_FRONT(T)

// EMIT: {{^}}static struct node * node_pop_front ( struct node * * head ) { struct node * first __attribute__((cleanup(rc__drop))) = rc__retain(* head) ; if ( first ) rc__assign((void **)&(* head ), first -> next) ; return rc__move(&(first)) ; }
DEFINE_POP_FRONT(node)
DEFINE_PUSH_FRONT(node)
DEFINE_LIST(job)

static struct node *mk(int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    return n;
}

int main(void) {
    struct node *l = NULL;
    for (int i = 1; i <= 3; i++)
        node_push_front(&l, mk(i));
    struct node *f = node_pop_front(&l);
    printf("popped %d, head %d (line %d)\n", f->v, l->v, __LINE__);
    // CHECK: popped 3, head 2 (line 49)
    f = NULL;
    // CHECK-NEXT: del node 3
    struct job *q = NULL;
    struct job *j = rc_new(struct job);
    j->id = 7;
    job_push_front(&q, j);
    j = NULL;
    struct job *k = job_pop_front(&q);
    printf("job %d, queue %s\n", k->id, q ? "not empty" : "empty");
    // CHECK-NEXT: job 7, queue empty
    k = NULL;
    // CHECK-NEXT: del job 7
    l = NULL;
    // CHECK-NEXT: del node 2
    // CHECK-NEXT: del node 1
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
