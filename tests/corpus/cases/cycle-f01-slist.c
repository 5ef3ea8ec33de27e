// A singly linked list: one forward link.
#include <autorc.h>
struct RC_MANAGED snode { struct snode *next; int v; };
