// The programmer promises no cycle passes through these types.
#include <autorc.h>
struct RC_MANAGED RC_ACYCLIC a;
struct RC_MANAGED RC_ACYCLIC b { struct a *a; };
struct RC_MANAGED RC_ACYCLIC a { struct b *b; };
