// Releasing a chain of a million nodes does not recurse: it runs on a thread
// with a 64 KiB stack (a recursive release would need tens of MiB).
// RUN: %cc %s %autorc_lib -pthread -o %t && %t | FileCheck %s
// CHECK: freed 1000000
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <pthread.h>

struct node { struct node *next; };
static long fins;
static void node_fin(struct node *n) { fins++; }
RC_TYPE_DEFINE(node_type, struct node, node_fin, RC_FIELD(struct node, next));

static void *release(void *head) {
    rc_decref(head);
    return NULL;
}

int main(void) {
    struct node *head = NULL;
    for (int i = 0; i < 1000000; i++) {
        struct node *n = rc_new_typed(struct node, node_type);
        n->next = head; /* ownership of the old head moves into the new node */
        head = n;
    }
    CHECK_EQ(rc_live_objects(), 1000000);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    pthread_t t;
    CHECK(pthread_create(&t, &attr, release, head) == 0);
    pthread_join(t, NULL);
    printf("freed %ld\n", fins);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
