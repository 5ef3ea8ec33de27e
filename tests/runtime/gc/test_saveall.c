// test_gc.test_saveall: with RC_GC_DEBUG_SAVEALL, cyclic garbage is not
// freed but appended to rc_gc_garbage(); emptying that list and collecting
// again frees it. Also AUTORC_GC_DEBUG=saveall sets the flag at start-up,
// and an unknown flag there is a clear error.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_GC_DEBUG=saveall %t env | FileCheck %s --check-prefix=ENV
// RUN: env AUTORC_GC_DEBUG=stats,bogus not --crash %t 2>&1 | FileCheck %s --check-prefix=BAD
// CHECK: OK
// ENV: debug from env 32
// BAD: autorc: fatal: AUTORC_GC_DEBUG=stats,bogus: unknown flag 'bogus'
#include "Inputs/gc_test.h"
#include <string.h>

int main(int argc, char **argv) {
    rc_gc_disable();
    rc_gc_collect(-1);
    if (argc > 1 && strcmp(argv[1], "env") == 0) {
        printf("debug from env %d\n", rc_gc_get_debug());
        return 0;
    }
    CHECK_EQ(rc_list_len(rc_gc_garbage()), 0);
    rc_list *l = rc_list_new();
    rc_list_append(l, l);
    int debug = rc_gc_get_debug();
    rc_gc_set_debug(debug | RC_GC_DEBUG_SAVEALL);
    rc_decref(l);
    CHECK_EQ(rc_gc_collect(-1), 1);
    rc_gc_set_debug(debug);
    rc_list *garbage = rc_gc_garbage();
    CHECK_EQ(rc_list_len(garbage), 1);
    rc_list *obj = rc_list_pop(garbage); /* owned */
    CHECK(obj == l);
    CHECK_EQ(rc_getrefcount(obj), 2); /* ours + its own item */
    CHECK(rc_gc_is_tracked(obj));
    rc_decref(obj);
    CHECK_EQ(rc_gc_collect(-1), 1); /* SAVEALL is off: now it is freed */
    CHECK_EQ(rc_live_objects(), 1);  /* just rc_gc_garbage() */
    CHECK_DONE();
}
