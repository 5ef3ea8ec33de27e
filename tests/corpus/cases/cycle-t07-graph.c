// A graph: nodes keep their edges in a list, edges point at nodes.
#include <autorc.h>
struct RC_MANAGED gnode { rc_list *edges; int id; };
struct RC_MANAGED gedge { struct gnode *from; struct gnode *to; }; // WANT: cycle
