// A singleton never released.
#include <autorc.h>
struct RC_MANAGED logger { int fd; };
static struct logger *the_logger; // WANT: global
void log_init(void) { the_logger = rc_new(struct logger); }
