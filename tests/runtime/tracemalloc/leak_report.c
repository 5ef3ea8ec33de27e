// AUTORC_LEAK_REPORT=1: at exit, after a full collection, the objects still
// alive grouped by type and rc_new site, then rc_gc_garbage()'s objects;
// on stderr, exit status unchanged.
// The SAVEALL list is in the garbage's order (docs/gc.md), the same in every
// allocator mode: the cycle's candidate roots x, then y, as released.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_LEAK_REPORT=1 %t 2>&1 | FileCheck %s
// RUN: env AUTORC_LEAK_REPORT=1 %t saveall 2>&1 | FileCheck %s --check-prefix=SAVEALL
// RUN: env AUTORC_LEAK_REPORT=1 %t clean 2>&1 | FileCheck %s --check-prefix=CLEAN
// RUN: env AUTORC_LEAK_REPORT=1 not %t clean fail 2>&1 | FileCheck %s --check-prefix=CLEAN
// RUN: env ASAN_OPTIONS=detect_leaks=0 %t 2>&1 | FileCheck %s --check-prefix=OFF
// RUN: env AUTORC_LEAK_REPORT=yes not --crash %t 2>&1 | FileCheck %s --check-prefix=BAD
#include <autorc.h>
#include <string.h>

struct pair { struct pair *other; long v, w; };
RC_TYPE_DEFINE(pair_type, struct pair, NULL, RC_FIELD(struct pair, other));
struct blob { char b[48]; };

static struct blob *leaked_global;

__attribute__((noinline)) static struct pair *make_pair(void) {
    struct pair *a = rc_new_typed(struct pair, pair_type);
    struct pair *b = rc_new_typed(struct pair, pair_type);
    a->other = b; /* a owns b: b is reachable from a only */
    return a;
}

static void cycle(void) {
    struct pair *x = rc_new_typed(struct pair, pair_type);
    struct pair *y = rc_new_typed(struct pair, pair_type);
    x->other = rc_incref(y);
    y->other = rc_incref(x);
    rc_decref(x);
    rc_decref(y);
}

int main(int argc, char **argv) {
    rc_gc_disable(); /* only the collection at exit finds the cycle */
    printf("tracing %d\n", rc_tracemalloc_is_tracing());
    if (argc > 1 && strcmp(argv[1], "clean") == 0) {
        cycle(); /* collected at exit: not a leak */
        struct blob *b = rc_new(struct blob);
        rc_decref(b);
        return argc > 2 ? 3 : 0;
    }
    if (argc > 1 && strcmp(argv[1], "saveall") == 0) rc_gc_set_debug(RC_GC_DEBUG_SAVEALL);
    leaked_global = rc_new(struct blob);
    for (int i = 0; i < 3; i++) leaked_global = rc_new(struct blob);
    make_pair();
    make_pair();
    cycle();
    return 0;
}
// CHECK: tracing 1
// CHECK-NEXT: autorc: leak report: 8 objects (352 B) alive at exit after a full collection (2 unreachable found)
// CHECK-NEXT: autorc:   3 x struct blob (168 B) allocated at {{.*}}leak_report.c:49 in main
// CHECK-NEXT: autorc:   2 x struct pair (64 B) allocated at {{.*}}leak_report.c:23 in make_pair
// CHECK-NEXT: autorc:   2 x struct pair (64 B) allocated at {{.*}}leak_report.c:24 in make_pair
// CHECK-NEXT: autorc:   1 x struct blob (56 B) allocated at {{.*}}leak_report.c:48 in main
// CHECK-NOT: autorc

// SAVEALL: autorc: leak report: 8 objects (352 B) alive at exit after a full collection (2 unreachable found)
// SAVEALL: autorc: leak report: 2 uncollectable objects in rc_gc_garbage()
// SAVEALL-NEXT: autorc:   struct pair at 0x{{[0-9a-f]+}}, refcount {{[0-9]+}}, allocated at {{.*}}leak_report.c:30 in cycle
// SAVEALL-NEXT: autorc:   struct pair at 0x{{[0-9a-f]+}}, refcount {{[0-9]+}}, allocated at {{.*}}leak_report.c:31 in cycle

// CLEAN: tracing 1
// CLEAN-NEXT: autorc: leak report: no managed objects alive at exit
// OFF: tracing 0
// OFF-NOT: leak report
// BAD: AUTORC_LEAK_REPORT=yes: expected a whole number from 0 to 1
