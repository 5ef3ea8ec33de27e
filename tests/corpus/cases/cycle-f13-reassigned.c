// The local names a new object before the back store.
#include <autorc.h>
struct RC_MANAGED obj { struct obj *ref; };
void relink(void) {
    struct obj *a = rc_new(struct obj);
    struct obj *b = rc_new(struct obj);
    a->ref = b;
    b = rc_new(struct obj);
    b->ref = a;
}
