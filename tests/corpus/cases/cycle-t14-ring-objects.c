// Three objects linked in a ring.
#include <autorc.h>
struct RC_MANAGED obj { struct obj *ref; };
void ring(void) {
    struct obj *a = rc_new(struct obj), *b = rc_new(struct obj), *c = rc_new(struct obj);
    a->ref = b;
    b->ref = c;
    c->ref = a; // WANT: cycle
}
