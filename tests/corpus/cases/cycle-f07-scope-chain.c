// Scopes point up to their parent only.
#include <autorc.h>
struct RC_MANAGED scope { struct scope *parent; rc_list *names; };
