// RC_GC_DEBUG_STATS (or AUTORC_GC_DEBUG=stats) prints a summary of each
// collection to stderr in the form of CPython's gc module; COLLECTABLE names
// each unreachable object; with LEAK (SAVEALL + both) the garbage is kept
// and, at exit, listed as uncollectable.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_GC_DEBUG=stats %t 2>&1 | FileCheck %s --check-prefix=STATS
// RUN: env AUTORC_GC_DEBUG=leak %t 2>&1 | FileCheck %s --check-prefix=LEAK
// STATS: gc: collecting generation 2...
// STATS-NEXT: gc: objects in each generation: 2 0 0
// STATS-NEXT: gc: objects in permanent generation: 0
// STATS-NEXT: gc: done, 2 unreachable, 0 uncollectable, {{[0-9.]+}}s elapsed
// STATS: live 0
// LEAK: gc: collectable <struct obj 0x{{[0-9a-f]+}}>
// LEAK-NEXT: gc: collectable <struct obj 0x{{[0-9a-f]+}}>
// LEAK: live 3
// LEAK: gc: 2 uncollectable objects at shutdown
// LEAK-NEXT: gc: uncollectable <struct obj 0x{{[0-9a-f]+}}>
#include "Inputs/gc_test.h"

int main(void) {
    rc_gc_disable();
    struct obj *a = obj_new(1), *b = obj_new(2);
    SET(a->a, b);
    SET(b->a, a);
    rc_decref(a);
    rc_decref(b);
    rc_gc_collect(-1);
    fprintf(stderr, "live %zu\n", rc_live_objects());
    return 0;
}
