/*
 * gen.c — generators (RC_GENERATOR / rc_yield): the runtime half.
 *
 * The plugin's generator pass (plugin/GeneratorPass.cpp) makes each
 * generator function a managed struct type whose first member is a
 * struct rc__gen_head and whose other fields are the function's parameters
 * and the locals that live across an rc_yield (the frame). The struct's
 * generated descriptor lists the frame's strong pointers, so the collector
 * traverses a suspended generator and its destruction releases them (the
 * "close on drop" of Python comes for free). The resume function runs the
 * body from head.label to the next rc_yield (returns 1) or to its end
 * (returns 0).
 *
 * States (head.state):
 *   READY   — created or suspended at a yield; rc_gen_next resumes it.
 *   RUNNING — inside rc_gen_next; resuming it again is a fatal error
 *             (Python's "generator already executing").
 *   DONE    — finished or closed; its strong fields are NULL and
 *             rc_gen_next returns 0 for ever.
 * Invariant: a DONE generator holds no references.
 */
#include "internal.h"

static struct rc__gen_head *head_of(rc_gen *g, const char *call) {
    if (!g) rc__fatal("%s: NULL generator", call);
    return (struct rc__gen_head *)(void *)g;
}

/* Release every strong field (the frame's live managed locals and
 * parameters), each slot cleared before its release so a finalizer that
 * reaches the generator sees NULL. */
static void release_slot(void **slot, void *ctx) {
    (void)ctx;
    void *v = *slot;
    *slot = NULL;
    rc_decref(v);
}

static void finish(rc_gen *g, struct rc__gen_head *h) {
    h->state = RC__GEN_DONE;
    h->label = NULL;
    rc__traverse(g, release_slot, NULL);
}

/* The external definition of the inline rc_gen_next (autorc.h). */
extern int rc_gen_next(rc_gen *g, void *out);

int rc__gen_next_refused(rc_gen *g) {
    struct rc__gen_head *h = head_of(g, "rc_gen_next");
    if (h->state == RC__GEN_RUNNING)
        rc__fatal("rc_gen_next: generator already executing (a generator resumed itself)");
    return 0;
}

int rc__gen_finished(rc_gen *g) {
    finish(g, (struct rc__gen_head *)(void *)g);
    rc_decref(g); /* the hold rc_gen_next took */
    return 0;
}

void rc_gen_close(rc_gen *g) {
    if (!g) return;
    struct rc__gen_head *h = (struct rc__gen_head *)(void *)g;
    if (h->state == RC__GEN_RUNNING)
        rc__fatal("rc_gen_close: generator already executing (a generator closed itself)");
    if (h->state == RC__GEN_DONE) return;
    rc_incref(g);
    finish(g, h);
    rc_decref(g);
}
