// A persistent list: new cells point to older cells (next) and to the
// version they replaced (prev_version). Both point to older objects: no
// cycle can form, but the names look like a two-way link.
#include <autorc.h>
struct RC_MANAGED pcell {
    struct pcell *next;
    struct pcell *prev_version; // WANT: none
    int v;
};
