// An object added to a list that another object holds, then linked back:
// an instance-level cycle through a list (the type names say nothing).
#include <autorc.h>
struct RC_MANAGED box { rc_list *contents; }; // WANT: cycle@put
struct RC_MANAGED thing { struct box *where; int id; }; // WANT: cycle@put
void put(struct box *b, struct thing *t) {
    rc_list_append(b->contents, t);
    t->where = b; // WANT: cycle@put
}
