// AUTORC_TRACEMALLOC=N starts tracing at start-up with N frames (0 or
// empty: off); a bad value stops the program with a clear message.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_TRACEMALLOC=3 %t | FileCheck %s --check-prefix=THREE
// RUN: env AUTORC_TRACEMALLOC=1 %t | FileCheck %s --check-prefix=ONE
// RUN: env AUTORC_TRACEMALLOC=0 %t | FileCheck %s --check-prefix=OFF
// RUN: env AUTORC_TRACEMALLOC= %t | FileCheck %s --check-prefix=OFF
// RUN: env AUTORC_TRACEMALLOC=lots not --crash %t 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: env AUTORC_TRACEMALLOC=129 not --crash %t 2>&1 | FileCheck %s --check-prefix=BIG
#include <autorc.h>

struct thing { int x[3]; };

int main(void) {
    /* no rc_new yet: the query itself runs start-up */
    printf("tracing=%d", rc_tracemalloc_is_tracing());
    if (rc_tracemalloc_is_tracing()) printf(" frames=%d", rc_tracemalloc_get_traceback_limit());
    struct thing *t = rc_new(struct thing);
    size_t cur, peak;
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    printf(" current=%zu\n", cur);
    rc_decref(t);
    return 0;
}
// THREE: tracing=1 frames=3 current=20
// ONE: tracing=1 frames=1 current=20
// OFF: tracing=0 current=0
// BAD: autorc: fatal: AUTORC_TRACEMALLOC=lots: expected a whole number from 0 to 128
// BIG: autorc: fatal: AUTORC_TRACEMALLOC=129: expected a whole number from 0 to 128
