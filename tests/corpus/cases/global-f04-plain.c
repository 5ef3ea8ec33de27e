// Plain globals: counters and C strings.
#include <autorc.h>
static int counter;
const char *program_name = "demo";
int bump(void) { return ++counter; }
