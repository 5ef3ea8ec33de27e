// One link or the other, never both: no cycle, but the check is
// flow-insensitive.
#include <autorc.h>
struct RC_MANAGED obj { struct obj *ref; };
void either(struct obj *a, struct obj *b, int first) {
    if (first)
        a->ref = b;
    else
        b->ref = a; // WANT: none
}
