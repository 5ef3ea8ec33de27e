// A weak global: it owns nothing.
#include <autorc.h>
struct RC_MANAGED obj { int v; };
RC_WEAK struct obj *last;
void see(struct obj *o) { last = o; }
