// At count zero: the finalizer runs once, before weak references are cleared
// and before the object's strong fields are released; then fields go.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
#include "../../Inputs/check.h"
#include <autorc.h>

struct child { int id; };
struct parent { struct child *kid; int id; };
static int child_fins;
static void child_fin(struct child *c) { printf("finalize child %d\n", c->id); child_fins++; }
static void parent_fin(struct parent *p) {
    /* The field is still there, and the child still alive. */
    printf("finalize parent %d: kid %d, kid count %zu\n", p->id, p->kid ? p->kid->id : -1,
           rc_getrefcount(p->kid));
}
RC_TYPE_DEFINE(child_type, struct child, child_fin);
RC_TYPE_DEFINE(parent_type, struct parent, parent_fin, RC_FIELD(struct parent, kid));

int main(void) {
    struct parent *p = rc_new_typed(struct parent, parent_type);
    p->id = 1;
    p->kid = rc_new_typed(struct child, child_type);
    p->kid->id = 2;
    rc_decref(p);
    // CHECK: finalize parent 1: kid 2, kid count 1
    // CHECK-NEXT: finalize child 2
    CHECK_EQ(child_fins, 1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
    // CHECK: OK
}
