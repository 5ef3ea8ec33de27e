// Only a declaration: the definition lives elsewhere.
#include <autorc.h>
struct RC_MANAGED obj { int v; };
extern struct obj *shared;
int peek(void) { return shared ? shared->v : 0; }
