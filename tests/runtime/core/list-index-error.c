// An out-of-range index is a clear fatal error, like Python's IndexError.
// RUN: %cc %s %autorc_lib -o %t && not --crash %t 2>&1 | FileCheck %s
// CHECK: autorc: fatal: rc_list_get: index 3 out of range (list length 2)
#include <autorc.h>
struct item { int v; };
int main(void) {
    rc_list *l = rc_list_new();
    struct item *i = rc_new(struct item);
    rc_list_append(l, i);
    rc_list_append(l, i);
    rc_list_get(l, 3);
    return 0;
}
