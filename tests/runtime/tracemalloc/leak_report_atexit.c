// The leak report runs after the program's own atexit handlers, so objects
// an at-exit clean-up releases are not reported.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_LEAK_REPORT=1 %t 2>&1 | FileCheck %s
#include <autorc.h>
#include <stdlib.h>

struct cache { long v[4]; };
static struct cache *global_cache;

static void cleanup(void) {
    printf("cleanup releases the cache\n");
    rc_decref(global_cache);
    global_cache = NULL;
}

int main(void) {
    atexit(cleanup); /* registered before the program's first object */
    global_cache = rc_new(struct cache);
    return 0;
}
// CHECK: cleanup releases the cache
// CHECK-NEXT: autorc: leak report: no managed objects alive at exit
