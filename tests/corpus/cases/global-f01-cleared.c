// A global the program clears at shutdown.
#include <autorc.h>
struct RC_MANAGED obj { int v; };
struct obj *current;
void set_current(struct obj *o) { current = o; }
void shutdown(void) { current = NULL; }
