// A list appended to itself.
#include <autorc.h>
int main(void) {
    rc_list *l = rc_list_new();
    rc_list_append(l, l); // WANT: cycle
    return (int)rc_list_len(l);
}
