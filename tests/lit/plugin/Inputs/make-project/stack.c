#include "stack.h"

int items_finalized;
void item_finalize(struct item *self) { items_finalized++; (void)self; }

struct item *push(struct item *top, int value) {
    struct item *it = rc_new(struct item);
    it->value = value;
    it->below = top;
    return it;
}
