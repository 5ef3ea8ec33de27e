/* A user header with a managed type and a static inline function that the
 * plugin rewrites: its warnings point into the header, at the user's
 * columns. */
#include <autorc.h>
struct RC_MANAGED dn { struct dn *next; struct dn *prev; };
static inline void link2(struct dn *a, struct dn *b) {
    a->next = b; b->next = a;
}
