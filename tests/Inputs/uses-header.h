// Included as C++ by header-plain-compilers.c: the header must be valid C++.
#include <autorc.h>
struct thing { int v; };
inline size_t use_header(void *o) { rc_incref(o); rc_decref(o); return rc_getrefcount(o); }
