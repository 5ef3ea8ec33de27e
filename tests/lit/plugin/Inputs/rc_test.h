/* rc_test.h — a managed node type with a counting finalizer, shared by the
 * plugin's run tests. The finalizer is declared next to the struct (as the
 * docs ask), and defined in the test file. */
#ifndef RC_TEST_H
#define RC_TEST_H
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED node {
    int value;
    struct node *next;
};

extern int finalized;
RC_FINALIZER void node_finalize(struct node *self);

/* Abort with a message unless nothing managed is alive. */
#define EXPECT_LIVE(n, what)                                                        \
    do {                                                                            \
        if (rc_live_objects() != (size_t)(n)) {                                     \
            printf("FAIL %s: live=%zu expected %d\n", what, rc_live_objects(), (n)); \
            exit(1);                                                                \
        }                                                                           \
    } while (0)

static inline struct node *node_new(int v) {
    struct node *n = rc_new(struct node);
    n->value = v;
    return n;
}
#endif
