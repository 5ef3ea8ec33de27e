// A doubly linked list done right: prev is weak.
#include <autorc.h>
struct RC_MANAGED dnode { struct dnode *next; RC_WEAK struct dnode *prev; };
