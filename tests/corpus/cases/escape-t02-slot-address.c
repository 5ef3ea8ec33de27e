// Handing out the address of a strong slot as void **.
#include <autorc.h>
struct RC_MANAGED node { struct node *next; };
void **slot(struct node *n) {
    return (void **)&n->next; // WANT: escape
}
