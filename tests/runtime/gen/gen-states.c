// The runtime half of generators without the plugin: a generator object
// written by hand as the plugin writes one (struct rc__gen_head first, then
// the frame; the descriptor lists the frame's strong field). rc_gen_next
// runs the resume function, returns 0 once it has, and keeps returning 0;
// finishing releases the frame's references; rc_gen_close of a suspended
// generator releases them at once; a generator that resumes itself is a
// fatal error (Python's "generator already executing").
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: not --crash %t self 2>&1 | FileCheck %s --check-prefix=SELF
// CHECK: OK
// SELF: autorc: fatal: rc_gen_next: generator already executing
#include "../../Inputs/check.h"
#include <autorc.h>
#include <string.h>

struct item { int v; };

struct counter {
    struct rc__gen_head head;
    struct item *held; /* a strong frame local */
    int i, n;
};
RC_TYPE_DEFINE(counter_type, struct counter, NULL, RC_FIELD(struct counter, held));

static int counter_resume(void *self, void *out) {
    struct counter *c = self;
    if (c->head.label) goto *c->head.label;
    c->held = rc_new(struct item);
    for (c->i = 0; c->i < c->n; c->i++) {
        *(int *)out = c->i;
        c->head.label = &&resume;
        return 1;
    resume:;
    }
    return 0;
}

static rc_gen *counter_new(int n) {
    struct counter *c = rc_new_typed(struct counter, counter_type);
    c->n = n;
    c->head.resume = counter_resume;
    return (rc_gen *)c;
}

static rc_gen *self_gen;
static int self_resume(void *self, void *out) {
    int v;
    return rc_gen_next(self_gen, &v);
}

int main(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "self")) {
        struct counter *c = rc_new_typed(struct counter, counter_type);
        c->head.resume = self_resume;
        self_gen = (rc_gen *)c;
        int v;
        rc_gen_next(self_gen, &v);
        return 0;
    }
    rc_gen *g = counter_new(3);
    int v = -1, got = 0;
    while (rc_gen_next(g, &v)) {
        CHECK_EQ(v, got);
        got++;
    }
    CHECK_EQ(got, 3);
    CHECK_EQ(rc_live_objects(), 1); /* the frame's item released at the end */
    CHECK_EQ(rc_gen_next(g, &v), 0);
    CHECK_EQ(rc_gen_next(g, &v), 0);
    CHECK_EQ(v, 2);
    rc_gen_close(g); /* closing a finished generator does nothing */
    rc_decref(g);
    CHECK_EQ(rc_live_objects(), 0);

    g = counter_new(5);
    CHECK_EQ(rc_gen_next(g, &v), 1);
    CHECK_EQ(rc_live_objects(), 2);
    rc_gen_close(g);
    CHECK_EQ(rc_live_objects(), 1);
    CHECK_EQ(rc_gen_next(g, &v), 0);
    rc_gen_close(g);
    rc_decref(g);
    rc_gen_close(NULL);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
