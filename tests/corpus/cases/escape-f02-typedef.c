// A cast between spellings of the same managed type.
#include <autorc.h>
struct RC_MANAGED node { int v; };
typedef struct node Node;
int value(struct node *n) { Node *m = (Node *)n; return m->v; }
