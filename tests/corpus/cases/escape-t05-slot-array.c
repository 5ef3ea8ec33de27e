// An array of managed slots passed on as void *.
#include <autorc.h>
struct RC_MANAGED node { int v; };
void zero_later(void *p);
void f(void) {
    struct node *slots[4] = {0};
    zero_later((void *)slots); // WANT: escape
}
