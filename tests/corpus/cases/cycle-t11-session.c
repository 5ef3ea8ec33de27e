// A connection and its session refer to each other.
#include <autorc.h>
struct RC_MANAGED conn;
struct RC_MANAGED session { struct conn *conn; int id; };
struct RC_MANAGED conn { struct session *session; int fd; }; // WANT: cycle
