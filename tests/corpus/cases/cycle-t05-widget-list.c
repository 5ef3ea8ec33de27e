// GUI widgets: children in an rc_list, a strong parent link.
#include <autorc.h>
struct RC_MANAGED widget {
    rc_list *children;
    struct widget *parent; // WANT: cycle WANT-FIX: RC_WEAK
    int x, y;
};
