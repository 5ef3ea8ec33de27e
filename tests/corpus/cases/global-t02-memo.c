// A static local memo, filled once.
#include <autorc.h>
struct RC_MANAGED cfg { int level; };
struct cfg *config(void) {
    static struct cfg *memo; // WANT: global
    if (!memo)
        memo = rc_new(struct cfg);
    return memo;
}
