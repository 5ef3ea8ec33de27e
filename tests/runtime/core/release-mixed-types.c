// The destroy loop caches the last plain type's field offsets: structures
// that mix plain types of 0..6 strong fields (NULL fields anywhere, shared
// children, a finalizer type in between whose finalizer registers a new type)
// are released exactly: every object once, shared ones only at their last
// reference, nothing left in the pools.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <stddef.h>

struct n1 { void *a; };
struct n3 { void *a; long pad; void *b, *c; };
struct n5 { void *a, *b; int x; void *c, *d, *e; };
struct n6 { void *f[6]; };
struct leaf { long v; };
struct fin { void *a, *b; };
struct late { int x; };

/* Plain types: acyclic (untracked), no finalizer, no weak fields. */
#define PLAIN_TYPE(var, T, ...)                                                    \
    static const uint32_t var##_strong[] = {__VA_ARGS__};                          \
    static uint32_t var##_rt;                                                      \
    static const rc_type var = {.name = #T, .size = sizeof(T), .flags = RC_TYPE_ACYCLIC, \
                                .strong = var##_strong,                             \
                                .nstrong = sizeof var##_strong / sizeof(uint32_t),  \
                                .align = _Alignof(T), .rt = &var##_rt}
PLAIN_TYPE(n1_type, struct n1, offsetof(struct n1, a));
PLAIN_TYPE(n3_type, struct n3, offsetof(struct n3, a), offsetof(struct n3, b), offsetof(struct n3, c));
PLAIN_TYPE(n5_type, struct n5, offsetof(struct n5, a), offsetof(struct n5, b), offsetof(struct n5, c),
           offsetof(struct n5, d), offsetof(struct n5, e));
PLAIN_TYPE(n6_type, struct n6, offsetof(struct n6, f[0]), offsetof(struct n6, f[1]),
           offsetof(struct n6, f[2]), offsetof(struct n6, f[3]), offsetof(struct n6, f[4]),
           offsetof(struct n6, f[5]));
static uint32_t leaf_rt, late_rt;
static const rc_type leaf_type = {.name = "struct leaf", .size = sizeof(struct leaf),
                                  .flags = RC_TYPE_ACYCLIC, .align = 8, .rt = &leaf_rt};
static const rc_type late_type = {.name = "struct late", .size = sizeof(struct late),
                                  .flags = RC_TYPE_ACYCLIC, .align = 4, .rt = &late_rt};

static int finalized, built_fin;
static void fin_finalize(struct fin *f) {
    (void)f;
    /* First allocation of a type while the destroy loop runs: the type
     * table may move under it. */
    rc_decref(rc_new_typed(struct late, late_type));
    finalized++;
}
RC_TYPE_DEFINE(fin_type, struct fin, fin_finalize, RC_FIELD(struct fin, a), RC_FIELD(struct fin, b));

static void *leaf(void) { return rc_new_typed(struct leaf, leaf_type); }

/* A node of a type picked by depth and index, children built recursively;
 * `shared` is stored (retained) into some slots. */
static void *build(int depth, int i, void *shared) {
    if (depth == 0) return (i % 3 == 0) ? rc_incref(shared) : leaf();
    switch ((depth + i) % 5) {
    case 0: {
        struct n1 *n = rc_new_typed(struct n1, n1_type);
        n->a = build(depth - 1, i * 2, shared);
        return n;
    }
    case 1: {
        struct n3 *n = rc_new_typed(struct n3, n3_type);
        n->a = build(depth - 1, i * 3, shared);
        n->c = build(depth - 1, i * 3 + 2, shared); /* b stays NULL */
        return n;
    }
    case 2: {
        struct n5 *n = rc_new_typed(struct n5, n5_type);
        n->b = build(depth - 1, i * 5 + 1, shared);
        n->d = build(depth - 1, i * 5 + 3, shared);
        n->e = build(depth - 1, i * 5 + 4, shared);
        return n;
    }
    case 3: {
        struct n6 *n = rc_new_typed(struct n6, n6_type);
        for (int k = 0; k < 6; k += (i % 2) + 1) n->f[k] = build(depth - 1, i * 6 + k, shared);
        return n;
    }
    default: {
        struct fin *n = rc_new_typed(struct fin, fin_type);
        built_fin++;
        n->a = build(depth - 1, i * 2, shared);
        n->b = build(depth - 1, i * 2 + 1, shared);
        return n;
    }
    }
}

int main(void) {
    struct leaf *shared = leaf();
    shared->v = 42;
    size_t before = rc_live_objects();
    void *roots[8];
    for (int r = 0; r < 8; r++) roots[r] = build(5, r, shared);
    CHECK(rc_live_objects() > before + 100);
    size_t refs = rc_getrefcount(shared);
    CHECK(refs > 1);
    for (int r = 0; r < 8; r++) rc_decref(roots[r]);
    /* Everything but the shared leaf is gone, and it is intact. */
    CHECK_EQ(rc_live_objects(), 1);
    CHECK_EQ(rc_getrefcount(shared), 1);
    CHECK_EQ(shared->v, 42);
    rc_decref(shared);
    CHECK_EQ(rc_live_objects(), 0);
    rc_heap_trim();
    rc_heap_stats hs;
    rc_heap_get_stats(&hs);
    CHECK_EQ(hs.blocks, 0);
    CHECK(built_fin > 0);
    CHECK_EQ(finalized, built_fin);
    CHECK_DONE();
}
