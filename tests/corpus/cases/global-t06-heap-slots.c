// A global pointer to a heap array of managed pointers keeps every object
// in it alive; the check only knows globals of managed types.
#include <autorc.h>
#include <stdlib.h>
struct RC_MANAGED obj { int v; };
struct obj **slots; // WANT: global
void grow(size_t n) { slots = calloc(n, sizeof *slots); }
