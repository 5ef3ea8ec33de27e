// A doubly linked list: next and prev both strong.
#include <autorc.h>
struct RC_MANAGED dnode {
    struct dnode *next;
    struct dnode *prev; // WANT: cycle
    int value;
};
