#ifndef STACK_H
#define STACK_H
#include <autorc.h>

struct RC_MANAGED item {
    int value;
    struct item *below;
};
RC_FINALIZER void item_finalize(struct item *self);
extern int items_finalized;

struct item *push(struct item *top, int value);
RC_RETURNS_BORROWED static inline struct item *below(struct item *it) { return it->below; }
#endif
