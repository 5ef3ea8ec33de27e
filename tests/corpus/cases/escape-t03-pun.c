// Type punning a managed object as a plain struct.
#include <autorc.h>
struct RC_MANAGED point { int x, y; };
struct raw { int x, y; };
int sum(struct point *p) {
    struct raw *r = (struct raw *)p; // WANT: escape
    return r->x + r->y;
}
