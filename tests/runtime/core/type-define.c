// RC_TYPE_DEFINE describes a type by hand: name, size, strong field offsets,
// finalizer (or NULL); rc_new_typed allocates with it.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <string.h>

struct pair { struct pair *left; int tag; struct pair *right; };
struct plain { double d; };
static int fins;
static void pair_fin(struct pair *p) { fins++; }
RC_TYPE_DEFINE(pair_type, struct pair, pair_fin, RC_FIELD(struct pair, left), RC_FIELD(struct pair, right));
RC_TYPE_DEFINE(plain_type, struct plain, NULL);

int main(void) {
    CHECK(strcmp(pair_type.name, "struct pair") == 0);
    CHECK_EQ(pair_type.size, sizeof(struct pair));
    CHECK_EQ(pair_type.nstrong, 2);
    CHECK_EQ(pair_type.strong[0], offsetof(struct pair, left));
    CHECK_EQ(pair_type.strong[1], offsetof(struct pair, right));
    CHECK(pair_type.finalize != NULL);
    CHECK_EQ(plain_type.nstrong, 0);
    CHECK(plain_type.finalize == NULL);
    struct pair *root = rc_new_typed(struct pair, pair_type);
    root->left = rc_new_typed(struct pair, pair_type);
    root->right = rc_new_typed(struct pair, pair_type);
    root->left->right = rc_new_typed(struct pair, pair_type);
    struct plain *pl = rc_new_typed(struct plain, plain_type);
    CHECK_EQ(rc_live_objects(), 5);
    rc_decref(root);
    CHECK_EQ(fins, 4);
    rc_decref(pl);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
