// The cycle is made and broken again before the function returns.
#include <autorc.h>
struct RC_MANAGED obj { struct obj *ref; };
void temporary(struct obj *a, struct obj *b) {
    a->ref = b;
    b->ref = a;
    a->ref = NULL;
}
