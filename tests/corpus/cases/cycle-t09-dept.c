// Department and its head, who points back to the department.
#include <autorc.h>
struct RC_MANAGED employee;
struct RC_MANAGED dept { struct employee *head; };
struct RC_MANAGED employee { struct dept *dept; const char *name; }; // WANT: cycle
