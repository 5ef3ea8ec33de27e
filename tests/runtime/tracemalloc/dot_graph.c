// rc_gc_dump_dot: forward edges (field names from strong_names, "+offset"
// without them, "[i]" for list items), back references (tracked referrers
// and, while tracing, untracked ones), the depth limit, each node and edge
// once, nothing kept alive afterwards.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s && env AUTORC_MALLOC=malloc %t | FileCheck %s
#include <autorc.h>
#include "../../Inputs/check.h"

struct leaf { int v; };
struct pair { struct leaf *left; struct leaf *right; };
RC_TYPE_DEFINE(pair_type, struct pair, NULL, RC_FIELD(struct pair, left), RC_FIELD(struct pair, right));

/* an acyclic holder: not tracked by the collector, found through tracing */
struct holder { struct pair *p; };
static const uint32_t holder_strong[] = {offsetof(struct holder, p)};
static const char *const holder_names[] = {"p"};
static const rc_type holder_type = {
    .name = "struct holder", .size = sizeof(struct holder), .flags = RC_TYPE_ACYCLIC,
    .strong = holder_strong, .nstrong = 1, .strong_names = holder_names,
};

int main(void) {
    rc_tracemalloc_start(1);
    struct leaf *a = rc_new(struct leaf);
    struct pair *p = rc_new_typed(struct pair, pair_type);
    p->left = rc_incref(a);
    p->right = rc_incref(a); /* two edges to one node */
    rc_list *l = rc_list_new();
    rc_list_append(l, NULL);
    rc_list_append(l, p);
    struct holder *h = rc_new_typed(struct holder, holder_type);
    h->p = rc_incref(p);
    CHECK(!rc_gc_is_tracked(h));
    size_t live = rc_live_objects();

    rc_gc_dump_dot(p, 1, stdout);
    // CHECK: digraph autorc {
    // CHECK-NEXT: node [
    // CHECK-NEXT: n0 [label="struct pair\n0x{{[0-9a-f]+}}\nrefcount 3\ndot_graph.c:25", fillcolor=yellow];
    // CHECK-NEXT: n1 [label="struct leaf\n0x{{[0-9a-f]+}}\nrefcount 3\ndot_graph.c:24"];
    // CHECK-DAG: [label="struct holder\n0x{{[0-9a-f]+}}\nrefcount 1\ndot_graph.c:31"];
    // CHECK-DAG: [label="rc_list\n0x{{[0-9a-f]+}}\nrefcount 1\nlist.c:{{[0-9]+}}"];
    // CHECK: n0 -> n1 [label="+0"];
    // CHECK-NEXT: n0 -> n1 [label="+8"];
    // CHECK-DAG: -> n0 [label="[1]"];
    // CHECK-DAG: -> n0 [label="p"];
    // CHECK: }
    CHECK_EQ(rc_live_objects(), live);
    CHECK_EQ(rc_getrefcount(p), 3);

    /* depth 0: the object alone */
    rc_gc_dump_dot(a, 0, stdout);
    // CHECK: digraph autorc {
    // CHECK-NEXT: node [
    // CHECK-NEXT: n0 [label="struct leaf
    // CHECK-NEXT: }

    /* depth 2 backwards from the leaf: pair, then list and holder */
    rc_gc_dump_dot(a, 2, stdout);
    // CHECK: digraph autorc {
    // CHECK-NEXT: node [
    // CHECK-NEXT: n0 [label="struct leaf
    // CHECK-NEXT: n1 [label="struct pair
    // CHECK-DAG: [label="struct holder
    // CHECK-DAG: [label="rc_list
    // CHECK: n1 -> n0 [label="+0"];
    // CHECK-NEXT: n1 -> n0 [label="+8"];
    // CHECK-DAG: -> n1 [label="[1]"];
    // CHECK-DAG: -> n1 [label="p"];
    // CHECK: }

    rc_decref(h);
    rc_decref(l);
    rc_decref(p);
    rc_decref(a);
    rc_tracemalloc_stop();
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
    // CHECK: OK
}
