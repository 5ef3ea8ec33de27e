// Typed lists under the plugin: RC_LIST_OF(name, T) gives a managed list
// type whose calls are <autorc.h> macros; the plugin counts through them
// by the annotations of the runtime call each expands to: rc_tlist_get is
// borrowed (a strong local retains it), rc_tlist_pop owned (a local takes
// it; as an argument or a member access it is released after the full
// expression), the list argument of a non-local slot is kept alive across
// the call. get(l, i)->field compiles; rc_tlist_foreach gives typed items.
// Nothing is counted by hand; finalizers and the live count prove it.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck --check-prefix=EMIT %s
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { finalized++; }

RC_LIST_OF(node_list, struct node);
struct RC_MANAGED holder { node_list *items; };

static int value_of(struct node *n) { return n ? n->value : -1; }

static node_list *build(int n) {
    node_list *l = rc_tlist_new(node_list);
    for (int i = 0; i < n; i++)
        rc_tlist_append(l, node_new(i)); /* the temporary is released after the call */
    return l;
}
// EMIT-LABEL: {{^ *}}static node_list *build(int n) {
// EMIT: rc_tlist_append(l, (rc__t{{[0-9]+}} = node_new(i)));

int main(void) {
    node_list *l = build(5);
    printf("len %zu live %zu\n", rc_tlist_len(l), rc_live_objects());
    printf("last %d first %d\n", rc_tlist_get(l, -1)->value, rc_tlist_get(l, 0)->value);
    struct node *second = rc_tlist_get(l, 1); /* borrowed: the local retains */
    printf("second %d count %zu\n", second->value, rc_getrefcount(second));
    printf("popped %d\n", value_of(rc_tlist_pop(l))); /* owned temporary, released */
    printf("finalized %d live %zu\n", finalized, rc_live_objects());
    printf("pop_at %d\n", rc_tlist_pop_at(l, 0)->value); /* released after the printf */
    printf("finalized %d len %zu\n", finalized, rc_tlist_len(l));
    struct node *mine = rc_tlist_pop(l); /* owned: the local takes it */
    printf("mine %d count %zu\n", mine->value, rc_getrefcount(mine));
    struct holder *h = rc_new(struct holder);
    h->items = rc_tlist_new(node_list);
    rc_tlist_append(h->items, mine);
    rc_tlist_insert(h->items, 0, second);
    rc_tlist_set(h->items, -1, NULL);
    int sum = 0, n = 0;
    rc_tlist_foreach(x, l) { sum += x->value; n++; }
    rc_tlist_foreach(x, h->items) { if (x) sum += 100 * x->value; n++; }
    printf("foreach n %d sum %d\n", n, sum);
    rc_list_reverse(rc_tlist_list(h->items));
    printf("reversed first %d\n", value_of(rc_tlist_get(h->items, 0)));
    second = NULL;
    mine = NULL;
    l = NULL;
    h = NULL;
    printf("finalized %d live %zu\n", finalized, rc_live_objects());
    return 0;
}
// EMIT-LABEL: {{^ *}}int main(void) {
// EMIT: {{^ *}}struct node *second __attribute__((cleanup(rc__drop))) = rc__retain(rc_tlist_get(l, 1));
// EMIT: value_of((rc__t{{[0-9]+}} = rc_tlist_pop(l)))
// EMIT: {{^ *}}struct node *mine __attribute__((cleanup(rc__drop))) = rc_tlist_pop(l);
// CHECK: len 5 live 6
// CHECK-NEXT: last 4 first 0
// CHECK-NEXT: second 1 count 2
// CHECK-NEXT: popped 4
// CHECK-NEXT: finalized 1 live 5
// CHECK-NEXT: pop_at 0
// CHECK-NEXT: finalized 2 len 3
// CHECK-NEXT: mine 3 count 1
// CHECK-NEXT: foreach n 4 sum 103
// CHECK-NEXT: reversed first -1
// CHECK-NEXT: finalized 5 live 0
