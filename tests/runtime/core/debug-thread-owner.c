// AUTORC_MALLOC=debug: a count change on a thread other than the object's
// owner (its creator, or the last thread that called rc_set_owner_thread on
// a graph holding it) is a fatal error naming the type and both threads —
// through rc_decref keeping the object alive (tracked or not), the end of a
// plugin's keep-alive hold (rc__release_held, which makes no candidate but
// still checks), the last rc_decref, and the release of a dying object's
// field (a retain is caught
// at its release: rc_incref's inline path stays unchecked). Two threads
// racing on one object used to end silently at a wrong count. A hand-off
// with rc_set_owner_thread is fine, in debug mode and (doing nothing) in
// pool mode; so are collections, which act for every thread.
// RUN: %cc %s %autorc_lib -pthread -o %t
// RUN: env AUTORC_MALLOC=debug not --crash %t race 2>&1 | FileCheck %s --check-prefix=RACE
// RUN: env AUTORC_MALLOC=debug not --crash %t decref 2>&1 | FileCheck %s --check-prefix=DECREF
// RUN: env AUTORC_MALLOC=debug not --crash %t decref-untracked 2>&1 | FileCheck %s --check-prefix=UNTRACKED
// RUN: env AUTORC_MALLOC=debug not --crash %t held 2>&1 | FileCheck %s --check-prefix=HELD
// RUN: env AUTORC_MALLOC=debug not --crash %t last 2>&1 | FileCheck %s --check-prefix=LAST
// RUN: env AUTORC_MALLOC=debug not --crash %t field 2>&1 | FileCheck %s --check-prefix=FIELD
// RUN: env AUTORC_MALLOC=debug not --crash %t after-join 2>&1 | FileCheck %s --check-prefix=JOIN
// RUN: env AUTORC_MALLOC=debug %t handoff 2>&1 | FileCheck %s --check-prefix=HANDOFF
// RUN: env AUTORC_MALLOC=pool %t handoff 2>&1 | FileCheck %s --check-prefix=HANDOFF
// RUN: env AUTORC_MALLOC=pool %t race-free 2>&1 | FileCheck %s --check-prefix=FREE
// RACE: autorc: fatal: rc_decref of object 0x{{[0-9a-f]+}} of type 'struct node' on thread #2 (tid {{[0-9]+}}), but it belongs to thread #1 (tid {{[0-9]+}}): counts are not atomic; hand a graph of objects over with rc_set_owner_thread
// DECREF: autorc: fatal: rc_decref of object 0x{{[0-9a-f]+}} of type 'struct node' on thread #2 (tid {{[0-9]+}}), but it belongs to thread #1
// UNTRACKED: autorc: fatal: rc_decref of object 0x{{[0-9a-f]+}} of type 'struct leaf' on thread #2 (tid {{[0-9]+}}), but it belongs to thread #1
// HELD: autorc: fatal: rc_decref of object 0x{{[0-9a-f]+}} of type 'struct node' on thread #2 (tid {{[0-9]+}}), but it belongs to thread #1
// LAST: autorc: fatal: rc_decref of object 0x{{[0-9a-f]+}} of type 'struct leaf' on thread #2 (tid {{[0-9]+}}), but it belongs to thread #1
// FIELD: stored
// FIELD: autorc: fatal: rc_decref of object 0x{{[0-9a-f]+}} of type 'struct leaf' on thread #1 (tid {{[0-9]+}}), but it belongs to thread #2 (tid {{[0-9]+}})
// JOIN: autorc: fatal: rc_decref of object 0x{{[0-9a-f]+}} of type 'struct node' on thread #2 (tid {{[0-9]+}}), but it belongs to thread #1
// HANDOFF: worker: 3 nodes, head 10
// HANDOFF-NEXT: finalize 10
// HANDOFF-NEXT: finalize 20
// HANDOFF-NEXT: finalize 30
// HANDOFF-NEXT: finalize 1
// HANDOFF-NEXT: finalize 2
// HANDOFF-NEXT: collected 2
// HANDOFF-NEXT: live 0
// FREE: live 0
#include <autorc.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct node { struct node *next; struct leaf *leaf; int v; };
struct leaf { int v; };
static void node_finalize(struct node *self) { printf("finalize %d\n", self->v); }
RC_TYPE_DEFINE(node_type, struct node, node_finalize, RC_FIELD(struct node, next),
               RC_FIELD(struct node, leaf));

static struct node *node(int v, struct node *next) {
    struct node *n = rc_new_typed(struct node, node_type);
    n->v = v;
    n->next = next; /* owned reference moves in */
    return n;
}

static volatile int stop;
static struct node *shared;
static struct leaf *shared_leaf;

static void *race(void *arg) {
    (void)arg;
    for (int i = 0; i < 1000000; i++) rc_decref(rc_incref(shared));
    return NULL;
}
static void *decref(void *arg) { rc_decref(shared); return arg; }
static void *decref_leaf(void *arg) { rc_decref(shared_leaf); return arg; }
/* What the plugin emits around `use(p->next)`, on the wrong thread. */
static void *held(void *arg) {
    rc__epoch_t e;
    rc__hold(&e, shared);
    rc__release_held(shared, e);
    return arg;
}

/* A leaf made on another thread and returned (its reference moves). */
static void *make_leaf(void *arg) { return rc_new(struct leaf); }

/* Adopts main's list, works on it, leaves a cycle of its own as garbage. */
static void *worker(void *arg) {
    struct node *head = arg;
    rc_set_owner_thread(head);
    head = node(10, head); /* the list grows by one: 10, 20, 30 */
    int n = 0;
    for (struct node *p = head; p; p = p->next) n++;
    printf("worker: %d nodes, head %d\n", n, head->v);
    struct node *a = node(1, NULL), *b = node(2, rc_incref(a));
    a->next = b;          /* a <-> b: garbage once both are released */
    rc_decref(a);
    fflush(stdout);
    return head;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    pthread_t t;
    void *res = NULL;
    rc_gc_disable();
    shared = node(0, NULL);
    shared_leaf = rc_new(struct leaf);
    if (strcmp(mode, "race") == 0) {
        pthread_create(&t, NULL, race, NULL);
        while (!stop) rc_decref(rc_incref(shared));
    } else if (strcmp(mode, "decref") == 0) {
        rc_incref(shared);
        pthread_create(&t, NULL, decref, NULL);
        pthread_join(t, NULL);
    } else if (strcmp(mode, "held") == 0) {
        pthread_create(&t, NULL, held, NULL);
        pthread_join(t, NULL);
    } else if (strcmp(mode, "decref-untracked") == 0 || strcmp(mode, "last") == 0) {
        if (mode[0] == 'd') rc_incref(shared_leaf);
        pthread_create(&t, NULL, decref_leaf, NULL);
        pthread_join(t, NULL);
    } else if (strcmp(mode, "field") == 0) {
        pthread_create(&t, NULL, make_leaf, NULL);
        pthread_join(t, &res); /* thread #2's leaf, not adopted */
        shared->leaf = res;    /* moved into main's node: no count change */
        printf("stored\n");
        fflush(stdout);
        rc_decref(shared); /* dies on #1: releasing its field changes #2's leaf */
    } else if (strcmp(mode, "after-join") == 0) {
        pthread_create(&t, NULL, race, NULL); /* main waits: serialised, not handed over */
        pthread_join(t, NULL);
    } else if (strcmp(mode, "handoff") == 0 || strcmp(mode, "race-free") == 0) {
        rc_decref(shared);
        rc_decref(shared_leaf);
        struct node *list = node(20, node(30, NULL));
        if (mode[0] == 'h') {
            pthread_create(&t, NULL, worker, list); /* main stops using list */
            pthread_join(t, &res);
            rc_set_owner_thread(res); /* and takes the grown list back */
            rc_decref(res);
            printf("collected %ld\n", rc_gc_collect(-1)); /* the worker's cycle */
        } else {
            rc_decref(list);
        }
        printf("live %zu\n", rc_live_objects());
        return 0;
    }
    return 0;
}
