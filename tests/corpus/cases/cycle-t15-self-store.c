// An object made to refer to itself.
#include <autorc.h>
struct RC_MANAGED obj { struct obj *ref; };
void loop_back(struct obj *o) {
    o->ref = o; // WANT: cycle
}
