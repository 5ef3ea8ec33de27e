// A tree whose children point back to their parent.
#include <autorc.h>
struct RC_MANAGED tnode {
    struct tnode *child[8];
    struct tnode *parent; // WANT: cycle WANT-FIX: RC_WEAK
};
