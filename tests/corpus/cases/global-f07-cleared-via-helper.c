// A global cleared through a pointer to it: the check sees no NULL store
// into the global itself.
#include <autorc.h>
struct RC_MANAGED obj { int v; };
struct obj *current; // WANT: none
static void reset(struct obj **slot) { *slot = NULL; }
void set_current(struct obj *o) { current = o; }
void shutdown(void) { reset(&current); }
