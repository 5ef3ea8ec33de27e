// A doubly linked list: next and prev both strong.
#include <autorc.h>
struct RC_MANAGED dnode {
    struct dnode *next;
    struct dnode *prev; // WANT: cycle WANT-FIX: RC_WEAK
    int value;
};
