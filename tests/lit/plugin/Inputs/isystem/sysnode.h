/* A library of managed types reached through -isystem (as CMake passes an
 * imported target's include directories): its inline functions are user
 * code and are instrumented (run-isystem-header.c). */
#ifndef SYSNODE_H
#define SYSNODE_H
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED snode {
    int value;
    struct snode *next;
};

static inline struct snode *snode_push(struct snode *head, int v) {
    struct snode *n = rc_new(struct snode);
    n->value = v;
    n->next = head;
    return n;
}

static inline struct snode *snode_list(int count) {
    struct snode *head = NULL;
    for (int i = 0; i < count; i++)
        head = snode_push(head, i);
    return head;
}
#endif
