// Observer pattern: the subject keeps its observers in a list, each
// observer keeps its subject strongly. A real cycle with no telling name.
#include <autorc.h>
struct RC_MANAGED subject { rc_list *observers; int state; };
struct RC_MANAGED observer { struct subject *subject; }; // WANT: cycle
