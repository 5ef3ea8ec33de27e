// A chain, no cycle.
#include <autorc.h>
struct RC_MANAGED obj { struct obj *ref; };
void chain(struct obj *a, struct obj *b, struct obj *c) {
    a->ref = b;
    b->ref = c;
}
