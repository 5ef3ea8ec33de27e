/* A user header with managed code in static inline functions: the plugin
 * rewrites these too (stores, locals, returns), in every file including it. */
#ifndef LIST_OPS_H
#define LIST_OPS_H
#include "rc_test.h"

static inline void link_after(struct node *a, struct node *b) {
    struct node *old = a->next;
    a->next = b;
    b->next = old;
}

static inline struct node *nth(struct node *n, int i) {
    while (i-- > 0 && n)
        n = n->next;
    return n;
}
#endif
