// Truth tests and comparisons of managed pointers.
#include <autorc.h>
struct RC_MANAGED node { struct node *next; };
int same(struct node *a, struct node *b) { return a == b || (!a && !!b); }
