// A bag of items; items do not point back.
#include <autorc.h>
struct RC_MANAGED item { int weight; };
struct RC_MANAGED bag { rc_list *items; struct item *heaviest; };
