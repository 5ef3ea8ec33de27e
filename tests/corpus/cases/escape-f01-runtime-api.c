// The runtime's API takes managed pointers as void *: no escape.
#include <autorc.h>
struct RC_MANAGED node { int v; };
void keep(rc_list *l, struct node *n) {
    rc_list_append(l, n);
    rc_weakref *w = rc_weakref_new(n, NULL, NULL);
    (void)w;
}
