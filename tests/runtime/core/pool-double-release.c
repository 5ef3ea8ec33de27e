// Pool mode: a double release must not corrupt the block cache (before the
// fix the next rc_new crashed, or handed one block out twice). A free block
// keeps the object's dead head (count 0, type index; the free list links
// through the block's second word), so the second release stops with a clear
// error naming the type, tracked or not, while the block is free.
// REQUIRES: no-asan
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=pool not --crash %t untracked 2>&1 | FileCheck %s --check-prefix=UNTRACKED
// RUN: env AUTORC_MALLOC=pool not --crash %t tracked 2>&1 | FileCheck %s --check-prefix=TRACKED
// UNTRACKED: autorc: fatal: release of object 0x{{[0-9a-f]+}} of type 'struct small' whose count is already zero (double release?)
// TRACKED: autorc: fatal: release of object 0x{{[0-9a-f]+}} of type 'struct node' whose count is already zero (double release?)
// CHECK-NOT: handed out twice
#include "../../Inputs/check.h"
#include <autorc.h>
#include <string.h>

struct small { long a, b; }; /* 16 + 8 bytes: class 2 */
struct node { struct node *next; int v; };
RC_TYPE_DEFINE(node_type, struct node, NULL, RC_FIELD(struct node, next));

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "untracked") == 0) {
        struct small *keep = rc_new(struct small); /* the cache is not empty below */
        struct small *other = rc_new(struct small);
        struct small *o = rc_new(struct small);
        rc_decref(other);
        rc_decref(o);
        rc_decref(o); /* bug: o is in the block cache now */
        struct small *x = rc_new(struct small), *y = rc_new(struct small), *z = rc_new(struct small);
        if (x == y || y == z || x == z) fprintf(stderr, "a block was handed out twice\n");
        rc_decref(keep);
        return 0;
    }
    struct node *keep = rc_new_typed(struct node, node_type);
    struct node *o = rc_new_typed(struct node, node_type);
    struct node *child = o->next = rc_new_typed(struct node, node_type);
    rc_decref(o);     /* child dies in object.c's loop, with o */
    rc_decref(child); /* bug: a borrowed pointer released */
    struct node *x = rc_new_typed(struct node, node_type), *y = rc_new_typed(struct node, node_type);
    if (x == y) fprintf(stderr, "a block was handed out twice\n");
    rc_decref(keep);
    return 0;
}
