// An unowned global root, kept alive elsewhere.
#include <autorc.h>
struct RC_MANAGED node { struct node *next; };
RC_UNOWNED struct node *root;
void set_root(struct node *n) { root = n; }
