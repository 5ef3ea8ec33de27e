// Swapping two links through a temporary: a->ref and b->ref change places.
#include <autorc.h>
struct RC_MANAGED obj { struct obj *ref; };
void swap(struct obj *a, struct obj *b) {
    struct obj *t = a->ref;
    a->ref = b->ref;
    b->ref = t;
}
