// AUTORC_MALLOC=debug puts guard bytes after each object: a write past the
// end is reported when the object is destroyed.
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_MALLOC=debug not --crash %t 2>&1 | FileCheck %s
// CHECK: autorc: fatal: debug heap: free at 0x{{[0-9a-f]+}}: the guard bytes after the block were overwritten (buffer overflow)
#include <autorc.h>
#include <string.h>
struct buf { char data[16]; };
int main(void) {
    struct buf *b = rc_new(struct buf);
    char *p = b->data;
    memset(p, 'x', 20); /* 4 bytes past the end */
    rc_decref(b);
    return 0;
}
