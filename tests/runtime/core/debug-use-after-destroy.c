// AUTORC_MALLOC=debug: rc_incref/rc_decref of an object that was already
// destroyed is a fatal error naming its type, tracked or not (before: a
// SIGSEGV for a tracked object, a second destruction of the quarantined
// block for an untracked one). An rc_incref that is never balanced is found
// in the freed block's dead head when it leaves the quarantine, or at exit.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=debug not --crash %t tracked 2>&1 | FileCheck %s --check-prefix=TRACKED
// RUN: env AUTORC_MALLOC=debug not --crash %t untracked 2>&1 | FileCheck %s --check-prefix=UNTRACKED
// RUN: env AUTORC_MALLOC=debug not --crash %t retain-only 2>&1 | FileCheck %s --check-prefix=RETAIN
// RUN: env AUTORC_MALLOC=debug not --crash %t release-tracked 2>&1 | FileCheck %s --check-prefix=RELEASE
// TRACKED: autorc: fatal: rc_incref/rc_decref of object 0x{{[0-9a-f]+}} of type 'struct node' after it was destroyed
// UNTRACKED: autorc: fatal: rc_incref/rc_decref of object 0x{{[0-9a-f]+}} of type 'struct widget' after it was destroyed
// RETAIN: exiting
// RETAIN: autorc: fatal: object 0x{{[0-9a-f]+}} of type 'struct widget' was retained (rc_incref) after it was destroyed
// RELEASE: autorc: fatal: double release: object 0x{{[0-9a-f]+}} of type 'struct node' was already destroyed
#include <autorc.h>
#include <stdio.h>
#include <string.h>

struct widget { int x; };
struct node { struct node *next; int v; };
RC_TYPE_DEFINE(node_type, struct node, NULL, RC_FIELD(struct node, next));

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    if (strcmp(mode, "tracked") == 0 || strcmp(mode, "release-tracked") == 0) {
        struct node *n = rc_new_typed(struct node, node_type);
        rc_decref(n);
        if (mode[0] == 't') rc_incref(n); /* bug */
        rc_decref(n);                     /* bug */
    } else {
        struct widget *w = rc_new(struct widget);
        rc_decref(w);
        rc_incref(w); /* bug */
        if (strcmp(mode, "untracked") == 0) rc_decref(w);
    }
    printf("exiting\n");
    fflush(stdout);
    return 0;
}
