// Immutable versions, each pointing to the one before: older versions never
// point forward, so no cycle can form (a back-link name alone).
#include <autorc.h>
struct RC_MANAGED version { struct version *previous; int number; };
