// RC_GC_DEBUG_STATS measures each collection in CPU time of the collecting
// thread, not wall time: a finalizer that sleeps 0.3 s during the
// collection adds nothing. An automatic collection prints no census of the
// generations (that walks the whole heap, which made stats mode cost 4x on
// u11's programs); an explicit one, which walks the heap anyway, does.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_GC_DEBUG=stats %t 2>&1 | FileCheck %s
// CHECK: gc: collecting generation 0...
// CHECK-NEXT: gc: done, {{[0-9]+}} unreachable, 0 uncollectable, {{[0-9]+\.[0-9]+}}s elapsed (CPU time), {{[0-9]+}} objects examined
// CHECK: explicit
// CHECK-NEXT: gc: collecting generation 2...
// CHECK-NEXT: gc: objects in each generation: {{[0-9]+ [0-9]+ [0-9]+}}
// CHECK-NEXT: gc: objects in permanent generation: 0
// CHECK-NEXT: gc: done, 2 unreachable, 0 uncollectable, 0.0{{[0-9]+}}s elapsed (CPU time), {{[0-9]+}} objects examined
// CHECK: slept 1
#include "Inputs/gc_test.h"
#include <time.h>

static int slept;
static void sleep_hook(struct fobj *self) {
    (void)self;
    struct timespec ts = {0, 300 * 1000 * 1000};
    nanosleep(&ts, NULL);
    slept = 1;
}

static void make_cycle(void) {
    struct obj *a = obj_new(1), *b = obj_new(2);
    SET(a->a, b);
    SET(b->a, a);
    rc_decref(a);
    rc_decref(b);
}

int main(void) {
    rc_gc_set_threshold(10, 10, 10);
    rc_gc_genstats st[3];
    do { /* until an automatic collection has run */
        make_cycle();
        rc_gc_get_stats(st);
    } while (st[0].collections == 0);
    rc_gc_disable();
    rc_gc_collect(-1);

    fin_hook = NULL;
    struct fobj *a = fobj_new(1), *b = fobj_new(2);
    SET(a->a, b);
    SET(b->a, a);
    rc_decref(a);
    rc_decref(b);
    fin_hook = sleep_hook;
    fprintf(stderr, "explicit\n");
    rc_gc_collect(-1);
    fprintf(stderr, "slept %d\n", slept);
    return 0;
}
