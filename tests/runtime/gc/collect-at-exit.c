// At normal exit (return from main, or exit()) one final full collection runs
// the finalizers of cyclic garbage, once each, as CPython collects at
// shutdown. Objects still reachable (here from a global) are left alone.
// AUTORC_GC_AT_EXIT=0 turns it off.
// RUN: %cc %s %autorc_lib -o %t
// RUN: %t | FileCheck %s --check-prefixes=CHECK,ON
// RUN: %t exit | FileCheck %s --check-prefixes=CHECK,ON
// RUN: env AUTORC_GC_AT_EXIT=1 %t | FileCheck %s --check-prefixes=CHECK,ON
// RUN: env AUTORC_GC_AT_EXIT=0 %t | FileCheck %s --check-prefixes=CHECK,OFF
// RUN: env AUTORC_GC_AT_EXIT=yes not --crash %t 2>&1 | FileCheck %s --check-prefix=BAD
// CHECK: leaving main
// ON-DAG: finalizer 1
// ON-DAG: finalizer 2
// OFF-NOT: finalizer
// CHECK-NOT: finalizer
// BAD: autorc: fatal: AUTORC_GC_AT_EXIT=yes: expected 0 or 1
#include "Inputs/gc_test.h"
#include <string.h>

static void say(struct fobj *self) { printf("finalizer %d\n", self->id); fflush(stdout); }
static struct fobj *global;

int main(int argc, char **argv) {
    fin_hook = say;
    struct fobj *a = fobj_new(1), *b = fobj_new(2);
    SET(a->a, b);
    SET(b->a, a);
    rc_decref(a);
    rc_decref(b);
    /* reachable from a global: never finalized at exit */
    global = fobj_new(3);
    SET(global->a, global);
    struct fobj *c = fobj_new(4);
    SET(global->b, c);
    rc_decref(c);
    printf("leaving main\n");
    fflush(stdout);
    if (argc > 1 && strcmp(argv[1], "exit") == 0) exit(0);
    return 0;
}
