// The garbage of a collection is in a documented order, the same in every
// allocator mode (docs/gc.md, "Order of the garbage"): the candidate roots in
// the order of their releases, each followed breadth-first by what it
// reaches (fields in declaration order). Finalizers run in that order and
// rc_gc_garbage() (SAVEALL) lists it, for explicit and automatic collections.
// Before, an explicit collection started with a heap walk: address order in
// the pools, the order of a hash set under AUTORC_MALLOC=malloc and debug.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=pool %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t auto | FileCheck %s
// RUN: env AUTORC_MALLOC=pool %t saveall | FileCheck %s --check-prefix=SAVEALL
// RUN: env AUTORC_MALLOC=malloc %t saveall | FileCheck %s --check-prefix=SAVEALL
// CHECK: ring
// CHECK-NEXT: finalize 3
// CHECK-NEXT: finalize 1
// CHECK-NEXT: finalize 5
// CHECK-NEXT: finalize 0
// CHECK-NEXT: finalize 2
// CHECK-NEXT: finalize 4
// CHECK-NEXT: tree
// CHECK-NEXT: finalize 10
// CHECK-NEXT: finalize 11
// CHECK-NEXT: finalize 12
// CHECK-NEXT: finalize 13
// CHECK-NEXT: finalize 14
// CHECK-NEXT: live 0
// SAVEALL: garbage: 3 1 5 0 2 4 10 11 12 13 14
#include <autorc.h>
#include <stdio.h>
#include <string.h>

struct node { struct node *a, *b; int v; };
static void node_finalize(struct node *n) { printf("finalize %d\n", n->v); }
RC_TYPE_DEFINE(node_type, struct node, node_finalize, RC_FIELD(struct node, a),
               RC_FIELD(struct node, b));

static struct node *node(int v) {
    struct node *n = rc_new_typed(struct node, node_type);
    n->v = v;
    return n;
}

struct tick { struct tick *next; }; /* tracked, no finalizer */
RC_TYPE_DEFINE(tick_type, struct tick, NULL, RC_FIELD(struct tick, next));

static int automatic;

static void collect(void) {
    if (!automatic) {
        rc_gc_collect(-1);
        return;
    }
    /* Allocations of a tracked type past threshold0 start a collection of
     * generation 0, which takes the candidates. */
    rc_gc_set_threshold(1, 10, 10);
    rc_gc_enable();
    rc_decref(rc_new_typed(struct tick, tick_type));
    rc_gc_disable();
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    automatic = strcmp(mode, "auto") == 0;
    rc_gc_disable();
    if (strcmp(mode, "saveall") == 0) rc_gc_set_debug(RC_GC_DEBUG_SAVEALL);

    /* A ring of six allocated 0..5, released in another order. */
    struct node *n[6];
    for (int i = 0; i < 6; i++) n[i] = node(i);
    for (int i = 0; i < 6; i++) n[i]->a = rc_incref(n[(i + 1) % 6]);
    static const int release[6] = {3, 1, 5, 0, 2, 4};
    puts("ring");
    for (int i = 0; i < 6; i++) rc_decref(n[release[i]]);
    collect();

    /* A tree whose leaves refer back to the root, allocated leaves first:
     * only the root is a candidate; the rest follows breadth-first. */
    struct node *t14 = node(14), *t13 = node(13), *t12 = node(12), *t11 = node(11);
    struct node *t10 = node(10);
    t10->a = t11;  /* 10 -> 11, 12 */
    t10->b = t12;
    t11->a = t13;  /* 11 -> 13 */
    t12->a = t14;  /* 12 -> 14 */
    t13->a = rc_incref(t10);
    t14->a = rc_incref(t10);
    puts("tree");
    rc_decref(t10);
    collect();

    if (strcmp(mode, "saveall") == 0) {
        rc_list *g = rc_gc_garbage();
        printf("garbage:");
        for (size_t i = 0; i < rc_list_len(g); i++) printf(" %d", ((struct node *)rc_list_get(g, i))->v);
        printf("\n");
        rc_gc_set_debug(0);
        rc_list_clear(g); /* the cycles are garbage again: collected at exit */
        return 0;
    }
    printf("live %zu\n", rc_live_objects());
    return 0;
}
