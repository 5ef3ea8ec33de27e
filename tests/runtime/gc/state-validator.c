// The collector's state validator (RC_CHECKED, on in the ASan build) runs at
// the start and the end of every collection and stops at an inconsistent
// state: a buffered candidate without its flag, a flag without a buffer
// entry (found by an explicit collection's heap walk), an age out of range,
// an object left marked as a member of the collected set. Each case below
// corrupts one header bit by hand (the bit positions are gc.c's); a clean
// program runs through many collections without a report.
// REQUIRES: asan
// RUN: %cc %s %autorc_lib -o %t
// RUN: %t clean | FileCheck %s --check-prefix=CLEAN
// RUN: not --crash %t unflagged 2>&1 | FileCheck %s --check-prefix=UNFLAGGED
// RUN: not --crash %t unbuffered 2>&1 | FileCheck %s --check-prefix=UNBUFFERED
// RUN: not --crash %t age 2>&1 | FileCheck %s --check-prefix=AGE
// RUN: not --crash %t member 2>&1 | FileCheck %s --check-prefix=MEMBER
// CLEAN: collections many
// UNFLAGGED: autorc: fatal: internal error: RC_ASSERT((h->flags & (RC_F_BUFFERED | RC_F_GC)) == (RC_F_BUFFERED | RC_F_GC)) failed at {{.*}}gc.c
// UNBUFFERED: autorc: fatal: internal error: RC_ASSERT(v.flagged == live_entries) failed at {{.*}}gc.c
// AGE: autorc: fatal: internal error: RC_ASSERT(age_of(f) < NGEN || (is_ic_member(f) && rc__ic_running())) failed at {{.*}}gc.c
// MEMBER: autorc: fatal: internal error: RC_ASSERT(!(f & F_COLLECTING)) failed at {{.*}}gc.c
#include <autorc.h>
#include <stdio.h>
#include <string.h>

struct node { struct node *next; int v; };
RC_TYPE_DEFINE(node_type, struct node, NULL, RC_FIELD(struct node, next));

#define BUFFERED (1u << 8)   /* gc.c's header bits */
#define AGE3 (3u << 10)
#define COLLECTING (1u << 12)

static struct node *pair(void) {
    struct node *a = rc_new_typed(struct node, node_type);
    a->next = rc_new_typed(struct node, node_type);
    a->next->next = rc_incref(a);
    return a;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    struct node *live = rc_new_typed(struct node, node_type);
    if (strcmp(mode, "clean") == 0) {
        rc_gc_set_threshold(10, 2, 2);
        for (int i = 0; i < 5000; i++) {
            struct node *a = pair();
            rc_incref(live);
            rc_decref(live); /* a candidate that survives */
            rc_decref(a);    /* a candidate that is garbage */
        }
        rc_gc_collect(-1);
        rc_gc_genstats s[3];
        rc_gc_get_stats(s);
        size_t total = s[0].collections + s[1].collections + s[2].collections;
        printf("collections %s\n", total > 100 ? "many" : "few");
        rc_decref(live);
        return 0;
    }
    rc_gc_disable();
    rc__head *h = RC__HEAD(live);
    if (strcmp(mode, "unflagged") == 0) {
        rc_incref(live);
        rc_decref(live);          /* buffered */
        h->flags &= ~BUFFERED;    /* the entry loses its flag */
        rc_gc_collect(0);
    } else if (strcmp(mode, "unbuffered") == 0) {
        h->flags |= BUFFERED;     /* a flag with no entry */
        rc_gc_collect(-1);
    } else if (strcmp(mode, "age") == 0) {
        h->flags |= AGE3;
        rc_gc_collect(-1);
    } else if (strcmp(mode, "member") == 0) {
        rc_incref(live);
        rc_decref(live);
        h->flags |= COLLECTING;
        rc_gc_collect(0);
    }
    puts("not reached");
    return 0;
}
