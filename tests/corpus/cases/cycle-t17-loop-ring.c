// A ring built in a loop: the last node is linked back to the first.
#include <autorc.h>
struct RC_MANAGED obj { struct obj *ref; };
void make_ring(int n) {
    struct obj *first = rc_new(struct obj);
    struct obj *last = first;
    for (int i = 0; i < n; i++) {
        struct obj *o = rc_new(struct obj);
        last->ref = o;
        last = o;
    }
    last->ref = first; // WANT: cycle
}
