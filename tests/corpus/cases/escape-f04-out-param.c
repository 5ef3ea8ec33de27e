// An out-parameter of the managed pointer type itself.
#include <autorc.h>
struct RC_MANAGED node { int v; };
void take(struct node **out, struct node *n) { *out = n; }
