// Candidate roots that the clock keeps a collection from (gc.c, "Bounded
// automatic collections": roots it did not take, and roots it took but did
// not scan before its time was used) stay in their buffer in the order they
// were buffered: the entries are taken in place only once the collection
// knows which roots it keeps (gc_cand.h, cand_take). 9,692 self-cycles with
// a finalizer are released with the collector disabled, in id order; with
// each traverse call taking 2 us, the first automatic collection frees
// only some of the newest 8,192 (the oldest of them first, in order); an
// explicit collection then finalizes all the others in id order.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"

enum { N = 8192 + 1500 };

struct cyc {
    struct cyc *self;
    int id;
};
static int order[N];
static int nfin;
static void cyc_finalize(void *self) { order[nfin++] = ((struct cyc *)self)->id; }
static void cyc_traverse(void *self, rc_visit_fn visit, void *ctx) {
    if (traverse_spin_ns)
        for (long t0 = spin_clock_ns(); spin_clock_ns() - t0 < traverse_spin_ns;) continue;
    visit((void **)&((struct cyc *)self)->self, ctx);
}
static uint32_t cyc_rt;
static const rc_type cyc_type = {"struct cyc", sizeof(struct cyc), 0, NULL, 0, 0, NULL, NULL,
                                 cyc_finalize, cyc_traverse, NULL, _Alignof(struct cyc), &cyc_rt};

static int collections;
static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    (void)info;
    (void)ctx;
    if (phase[2] == 'o') collections++; /* "stop" */
}

static int increasing(int from, int to) {
    for (int i = from + 1; i < to; i++)
        if (order[i] <= order[i - 1]) return 0;
    return 1;
}

int main(void) {
    rc_gc_disable();
    for (int i = 0; i < N; i++) {
        struct cyc *c = rc_new_typed(struct cyc, cyc_type);
        c->id = i;
        SET(c->self, c);
        rc_decref(c); /* count 1: its own slot; buffered */
    }
    rc_gc_callback_add(on_gc, NULL);
    traverse_spin_ns = 2000;
    rc_gc_enable();
    static struct node *kept[4096];
    int nkept = 0;
    while (!collections && nkept < 4096) kept[nkept++] = node_new(-1); /* the schedule counts them */
    traverse_spin_ns = 0;
    for (int i = 0; i < nkept; i++) rc_decref(kept[i]);
    int first = nfin;
    fprintf(stderr, "the first collection freed %d\n", first);
    CHECK(first > 0 && first < 1024);
    CHECK_EQ(order[0], N - 8192);
    CHECK(increasing(0, first));
    rc_gc_collect(-1);
    CHECK_EQ(nfin, N);
    CHECK(increasing(first, N));
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
