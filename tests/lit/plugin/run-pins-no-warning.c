// A pinned parameter (stored into: retained on entry, released on exit), an
// owned one and a pinned struct parameter compile without warnings under
// -Wall -Werror: clang 14-16 call the pin variable, read only by its
// cleanup, unused unless it is marked so.
// REQUIRES: plugin
// RUN: %cc -Werror %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node { int v; struct node *next; };
struct pair { struct node *a, *b; };

static int length(struct node *n) {            /* stores into n: pinned */
    int k = 0;
    for (; n; n = n->next)
        k++;
    return k;
}
static struct node *push(struct node *next, int v) { /* owned: stores next */
    struct node *n = rc_new(struct node);
    n->v = v;
    n->next = next;
    return n;
}
static int first(struct pair p) {             /* stores into p: pinned */
    p.b = NULL;
    return p.a ? p.a->v : -1;
}

int main(void) {
    struct node *l = push(push(NULL, 1), 2);
    struct pair p = { l, l };
    printf("%d %d\n", length(l), first(p));
    // CHECK: 2 2
    return 0;
}
