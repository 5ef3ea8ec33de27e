// The debug-mode thread check through the plugin's own retains and
// releases: a worker thread that stores the main thread's object into a
// field of its own object stops at the release (when its object dies),
// naming the type and both threads; after rc_set_owner_thread(shared) on the
// worker (the plugin's argument retain is not checked: a retain is caught at
// its release) and again on the main thread after the join, the same
// program runs clean. Pool mode checks nothing.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -pthread -o %t
// RUN: env AUTORC_MALLOC=debug not --crash %t 2>&1 | FileCheck %s --check-prefix=RACE
// RUN: env AUTORC_MALLOC=debug %t adopt 2>&1 | FileCheck %s
// RUN: env AUTORC_MALLOC=pool %t 2>&1 | FileCheck %s
// RACE: worker saw 42
// RACE: autorc: fatal: rc_decref of object 0x{{[0-9a-f]+}} of type 'struct box' on thread #2 (tid {{[0-9]+}}), but it belongs to thread #1 (tid {{[0-9]+}})
// CHECK: worker saw 42
// CHECK-NEXT: live 0
#include <autorc.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct RC_MANAGED box { struct box *next; int v; };

static struct box *shared;
static int adopt;

static void *worker(void *arg) {
    if (adopt)
        rc_set_owner_thread(shared); /* the worker takes the graph over */
    struct box *mine = rc_new(struct box);
    mine->next = shared;             /* a retain of main's box */
    printf("worker saw %d\n", mine->next->v);
    fflush(stdout);
    return arg;                      /* mine dies: its field is released */
}

int main(int argc, char **argv) {
    adopt = argc > 1 && strcmp(argv[1], "adopt") == 0;
    shared = rc_new(struct box);
    shared->v = 42;
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    if (adopt)
        rc_set_owner_thread(shared); /* and back to the main thread */
    shared = NULL;
    printf("live %zu\n", rc_live_objects());
    return 0;
}
