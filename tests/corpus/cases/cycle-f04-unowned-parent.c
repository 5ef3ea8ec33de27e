// A tree whose parent link is unowned.
#include <autorc.h>
struct RC_MANAGED tn { struct tn *kids[4]; RC_UNOWNED struct tn *parent; };
