// The object header is 8 bytes; only types that can be in a cycle carry the
// collector's 16-byte link; objects are 8-byte aligned (types aligned to at
// most 8) and zero-filled; the block sizes are link + head + struct.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <stdint.h>
#include <string.h>

struct leaf { int a[5]; };
struct node { struct node *next; long v; };
RC_TYPE_DEFINE(node_type, struct node, NULL, RC_FIELD(struct node, next));

int main(void) {
    CHECK_EQ(sizeof(rc__head), 8);
    struct leaf *l = rc_new(struct leaf);
    struct node *n = rc_new_typed(struct node, node_type);
    CHECK_EQ((uintptr_t)l % 8, 0);
    CHECK_EQ((uintptr_t)n % 8, 0);
    static const struct leaf zero;
    CHECK(memcmp(l, &zero, sizeof zero) == 0);
    CHECK(n->next == NULL && n->v == 0);
    CHECK(strcmp(rc_typename(l), "struct leaf") == 0);
    CHECK(strcmp(rc_typename(n), "struct node") == 0);
    CHECK_EQ(rc_typeof(n)->nstrong, 1);
    CHECK_EQ(rc_typeof(l)->nstrong, 0);
    CHECK(rc_typeof(l)->flags & RC_TYPE_ACYCLIC); /* no managed fields: never tracked */
    /* Two rc_new sites of one type share one descriptor. */
    struct leaf *l2 = rc_new(struct leaf);
    CHECK(rc_typeof(l2) == rc_typeof(l));
    CHECK_EQ(rc_live_objects(), 3);
    rc_decref(l); rc_decref(l2); rc_decref(n);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
