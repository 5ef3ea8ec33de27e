// An incremental collection (IC) whose final step frees almost nothing of
// what it gathered is futile: its roots led into a growing live structure.
// From the second futile IC in a row on, the next waits for twice the heap
// walk's growth, then four times (gc.c, ic_judge); the garbage made
// meanwhile is still found, by the next IC. Here a chain appended to (each
// node a candidate root) grows beside as many live nodes that are never
// candidates: the first three ICs free nothing; the second starts at about
// twice the heap of the first (one futile IC proves little), the third at
// about 3 times the heap of the second (the doubling rule: 2). Then the
// chain is dropped (cyclic garbage) while live nodes keep being added: the
// fourth IC frees it, at about 5 times the heap of the third (2 before),
// within 7.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"

enum { CHAIN_STEP = 32, BALLAST_STEP = CHAIN_STEP };

/* Each IC's final step (the callbacks' "incremental"): the objects alive
 * when it began, and what it freed. */
static size_t ics, live_at[8], freed_at[8];
static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    (void)ctx;
    if (!info->incremental || ics >= 8) return;
    if (phase[2] == 'a') /* "start" */
        live_at[ics] = rc_live_objects();
    else
        freed_at[ics++] = info->collected;
}

static struct node **ballast;
static size_t nb, cap;
static void keep(struct node *x) {
    if (nb == cap) {
        cap = cap ? 2 * cap : 4096;
        ballast = realloc(ballast, cap * sizeof *ballast);
        CHECK(ballast != NULL);
    }
    ballast[nb++] = x; /* +1 kept: never a candidate */
}

/* One round: CHAIN_STEP nodes appended to the chain (when given), and
 * BALLAST_STEP live nodes kept. */
static void round_of(struct node **tail) {
    for (int i = 0; tail && i < CHAIN_STEP; i++) {
        struct node *x = node_new(i);
        SET((*tail)->next, x);
        SET(x->prev, *tail);
        SET(*tail, x);
        rc_decref(x);
    }
    for (int i = 0; i < BALLAST_STEP; i++) keep(node_new(-2));
}

int main(void) {
    rc_gc_callback_add(on_gc, NULL);
    struct node *tail, *head = chain(1, 0, &tail);
    while (ics < 3) round_of(&tail);
    fprintf(stderr, "ICs at %zu, %zu and %zu live, freed %zu, %zu and %zu\n", live_at[0], live_at[1],
            live_at[2], freed_at[0], freed_at[1], freed_at[2]);
    CHECK(freed_at[0] == 0 && freed_at[1] == 0 && freed_at[2] == 0);
    CHECK(live_at[1] * 10 < live_at[0] * 25);  /* one futile IC: the doubling rule */
    CHECK(live_at[2] * 10 >= live_at[1] * 25); /* two: twice its growth */

    /* The chain becomes cyclic garbage; the program goes on growing. */
    size_t chain_nodes = rc_live_objects() - nb;
    rc_decref(tail);
    rc_decref(head);
    while (ics < 4 && rc_live_objects() < 8 * live_at[2]) round_of(NULL);
    fprintf(stderr, "fourth IC at %zu live, freed %zu of a %zu-node chain\n", live_at[3],
            freed_at[3], chain_nodes);
    CHECK_EQ(ics, 4);
    CHECK(freed_at[3] >= chain_nodes);
    /* Three futile ICs in a row: four times the growth, and no more. */
    CHECK(live_at[3] * 10 >= live_at[2] * 40);
    CHECK(live_at[3] <= 7 * live_at[2]);

    rc_gc_callback_remove(on_gc, NULL);
    for (size_t i = 0; i < nb; i++) rc_decref(ballast[i]);
    free(ballast);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
