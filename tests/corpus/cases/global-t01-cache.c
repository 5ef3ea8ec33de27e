// A global cache of the last object seen.
#include <autorc.h>
struct RC_MANAGED obj { int v; };
struct obj *last_seen; // WANT: global
void see(struct obj *o) { last_seen = o; }
