// Most candidates die soon after they are buffered (a temporary retain and
// release of a node that is then dropped); a buffer's full tail block whose
// entries mostly died is compacted instead of growing the chain (gc_cand.c),
// moving the live entries and rewriting their records. The live candidates
// keep the order of their releases: 3,000 self-cycles, each buffered among
// 10 candidates that die at once, are finalized in release order by one
// collection, and candidates that die after a compaction moved their entry
// leave the moved entry.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

enum { N = 3000, DYING = 10 };

struct cyc {
    struct cyc *self;
    int id;
};
static int order[N];
static int nfin;
static void cyc_finalize(struct cyc *c) { order[nfin++] = c->id; }
RC_TYPE_DEFINE(cyc_type, struct cyc, cyc_finalize, RC_FIELD(struct cyc, self));

static struct obj *later[N];

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    for (int i = 0; i < N; i++) {
        struct cyc *c = rc_new_typed(struct cyc, cyc_type);
        c->id = i;
        SET(c->self, c);
        rc_decref(c); /* count 1: its own slot; buffered */
        for (int k = 0; k < DYING; k++) {
            struct obj *t = obj_new(k);
            rc_incref(t);
            rc_decref(t); /* buffered */
            rc_decref(t); /* dead: its entry removed */
        }
        later[i] = obj_new(-i); /* buffered now, dies after the compactions */
        rc_incref(later[i]);
        rc_decref(later[i]);
    }
    for (int i = 0; i < N; i++) rc_decref(later[i]);
    CHECK_EQ(rc_live_objects(), N);
    CHECK_EQ(rc_gc_collect(0), N);
    CHECK_EQ(nfin, N);
    int in_order = 1;
    for (int i = 0; i < N; i++) in_order &= order[i] == i;
    CHECK(in_order);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
