// memset/memmove/memcpy/bzero over arrays of managed pointers, as C
// programs write them, are counted as the element stores they stand for:
// memset(a, 0, sizeof a) releases every element (`a[j] = NULL`), memmove
// within one array deletes or opens a place (`a[j] = a[j + 1]` in memmove's
// order: each element moved is retained where it lands, each overwritten
// one released, the vacated last slot keeps its counted copy until the
// program clears it), memcpy between arrays copies counted references.
// Before the fix each was refused: "[autorc-memcpy] memset over memory that
// holds managed pointers (struct node *[8]) bypasses reference counting;
// assign the fields".
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck --check-prefix=EMIT %s
// RUN: %cc %plugin_flags -Wall -Werror %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"
#include <string.h>
#include <strings.h>

int finalized;
void node_finalize(struct node *self) { finalized++; }

struct RC_MANAGED tree {
    struct node *kids[8];
    int n;
};

static void add(struct tree *t, int v) { t->kids[t->n++] = node_new(v); }

// Python's `del t.kids[i]`.
static void del_at(struct tree *t, int i) {
    memmove(&t->kids[i], &t->kids[i + 1], (size_t)(t->n - i - 1) * sizeof t->kids[0]);
    // EMIT: {{^ *}}rc__slots_memmove(&t->kids[i], &t->kids[i + 1], (size_t)(t->n - i - 1) * sizeof t->kids[0]);
    t->kids[--t->n] = NULL;
}

// Python's `t.kids.insert(i, node)`.
static void insert_at(struct tree *t, int i, struct node *x) {
    memmove(t->kids + i + 1, t->kids + i, (size_t)(t->n - i) * sizeof *t->kids);
    t->kids[i] = x;
    t->n++;
}

static void show(const char *what, struct tree *t) {
    printf("%s:", what);
    for (int i = 0; i < t->n; i++)
        printf(" %d", t->kids[i]->value);
    printf(" | live %zu finalized %d\n", rc_live_objects(), finalized);
}

int main(void) {
    {
        struct tree *t = rc_new(struct tree);
        for (int v = 1; v <= 5; v++)
            add(t, v);
        show("built", t);
        // CHECK: built: 1 2 3 4 5 | live 6 finalized 0
        del_at(t, 1);
        show("del 1", t);
        // CHECK-NEXT: del 1: 1 3 4 5 | live 5 finalized 1
        del_at(t, 3);
        show("del 3", t);
        // CHECK-NEXT: del 3: 1 3 4 | live 4 finalized 2
        insert_at(t, 0, node_new(9));
        insert_at(t, 2, node_new(8));
        show("insert", t);
        // CHECK-NEXT: insert: 9 1 8 3 4 | live 6 finalized 2
        struct node *copy[8];
        memcpy(copy, t->kids, sizeof copy);
        // EMIT: {{^ *}}rc__slots_memmove(copy, t->kids, sizeof copy);
        printf("copy %d count %zu\n", copy[2]->value, rc_getrefcount(copy[2]));
        // CHECK-NEXT: copy 8 count 2
        memset(t->kids, 0, sizeof t->kids);
        // EMIT: {{^ *}}rc__slots_memset(t->kids, 0, sizeof t->kids);
        t->n = 0;
        show("cleared", t);
        // CHECK-NEXT: cleared: | live 6 finalized 2
        bzero(copy, 2 * sizeof copy[0]);
        printf("copy[0] %p copy[2] %d live %zu finalized %d\n", (void *)copy[0], copy[2]->value,
               rc_live_objects(), finalized);
        // CHECK-NEXT: copy[0] (nil) copy[2] 8 live 4 finalized 4
        struct node *one = node_new(7);
        memset(&one, 0, sizeof one);
        printf("one %p live %zu finalized %d\n", (void *)one, rc_live_objects(), finalized);
        // CHECK-NEXT: one (nil) live 4 finalized 5
    }
    printf("end live %zu finalized %d\n", rc_live_objects(), finalized);
    // CHECK-NEXT: end live 0 finalized 8
    return 0;
}
