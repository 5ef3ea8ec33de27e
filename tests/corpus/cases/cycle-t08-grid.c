// A row of cells linked both ways as left/right.
#include <autorc.h>
struct RC_MANAGED cell {
    struct cell *left;
    struct cell *right; // WANT: cycle
    double v;
};
