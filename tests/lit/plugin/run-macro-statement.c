// Helper macros with statement bodies (`do { ... } while (0)`, statement
// expressions) that allocate, store and swap managed pointers: each
// invocation in the .c file is replaced by its expansion on its own line
// and counted like code written out — also rc_new inside the macro, and a
// macro used in another macro's expansion. Finalizers run in the expected
// order and nothing is left alive.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED node { int v; struct node *next; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }

#define PUSH(list, val)                                \
    do {                                               \
        struct node *n_ = rc_new(struct node);         \
        n_->v = (val);                                 \
        n_->next = (list);                             \
        (list) = n_;                                   \
    } while (0)
#define SWAP(a, b) do { struct node *t_ = (a); (a) = (b); (b) = t_; } while (0)
#define POP(list) ({ struct node *h_ = (list); if (h_) (list) = h_->next; h_; })
#define PUSH2(list, x, y) do { PUSH(list, x); PUSH(list, y); } while (0)
#define CLEAR(list) ((list) = NULL)

int main(void) {
    struct node *a = NULL, *b = NULL;
    // EMIT: {{^}}    do { struct node * n_ __attribute__((cleanup(rc__drop))) = {{RC__NEW_(INLINE|MANAGED)}} ( struct node , rc__type_node_{{[0-9a-f]+}}) ; n_ -> v = ( 1 ) ; n_ -> next = rc__retain(( a )) ; rc__assign_owned((void **)&(( a ) ), rc__move(&(n_))) ; } while ( 0 );
    PUSH(a, 1);
    PUSH2(a, 2,
          3);
    PUSH(b, 10);
    printf("a %d b %d (line %d)\n", a->v, b->v, __LINE__);
    // CHECK: a 3 b 10 (line 37)
    SWAP(a, b);
    printf("a %d b %d\n", a->v, b->v);
    // CHECK-NEXT: a 10 b 3
    {
        struct node *h = POP(b);
        printf("popped %d, b %d\n", h->v, b->v);
        // CHECK-NEXT: popped 3, b 2
    }
    // CHECK-NEXT: del 3
    CLEAR(a);
    // CHECK-NEXT: del 10
    CLEAR(b);
    // CHECK-NEXT: del 2
    // CHECK-NEXT: del 1
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
