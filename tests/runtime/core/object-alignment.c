// Objects are aligned as their type needs: types aligned to at most 8 get
// 8-byte alignment (24-byte blocks for two pointers), types aligned to 16
// (long double, max_align_t, __int128, vector types) get 16, tracked or not,
// through rc_new, RC_TYPE_DEFINE and in every allocator mode; a type aligned
// to more than 16 is refused with a clear error.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: not %t over 2>&1 | FileCheck %s --check-prefix=OVER
// CHECK: OK
// OVER: autorc: fatal: rc_new(struct over): alignment 32 is over the supported 16
#include "../../Inputs/check.h"
#include <autorc.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct pair { void *a, *b; };
struct ld { long double x; };
struct mx { char c; max_align_t m; };
struct i128 { __int128 v; };
typedef float v4 __attribute__((vector_size(16)));
struct vec { v4 v; };
struct over { _Alignas(32) char c; };
/* tracked (a strong field), aligned to 16 */
struct tnode { struct tnode *next; long double x; };
RC_TYPE_DEFINE(tnode_type, struct tnode, NULL, RC_FIELD(struct tnode, next));
/* tracked, aligned to 8 */
struct plink { struct plink *next; };
RC_TYPE_DEFINE(plink_type, struct plink, NULL, RC_FIELD(struct plink, next));

#define ALIGNED(p, n) (((uintptr_t)(p) % (n)) == 0)

int main(int argc, char **argv) {
    if (argc > 1) {
        (void)rc_new(struct over);
        return 0;
    }
    void *keep[64];
    int k = 0;
    for (int i = 0; i < 8; i++) {
        struct pair *p = rc_new(struct pair);
        struct ld *l = rc_new(struct ld);
        struct mx *m = rc_new(struct mx);
        struct i128 *q = rc_new(struct i128);
        struct vec *v = rc_new(struct vec);
        struct tnode *t = rc_new_typed(struct tnode, tnode_type);
        struct plink *pl = rc_new_typed(struct plink, plink_type);
        CHECK(ALIGNED(p, 8));
        CHECK(ALIGNED(pl, 8));
        CHECK(ALIGNED(l, 16));
        CHECK(ALIGNED(m, 16));
        CHECK(ALIGNED(q, 16));
        CHECK(ALIGNED(v, 16));
        CHECK(ALIGNED(t, 16));
        /* zero-filled, and usable at their alignment */
        CHECK(l->x == 0 && q->v == 0 && t->next == NULL && t->x == 0);
        l->x = 1.5L;
        q->v = (__int128)1 << 100;
        v->v = (v4){1, 2, 3, 4};
        t->x = 2.5L;
        CHECK(l->x == 1.5L && (q->v >> 100) == 1 && v->v[3] == 4 && t->x == 2.5L);
        keep[k++] = p, keep[k++] = l, keep[k++] = m, keep[k++] = q;
        keep[k++] = v, keep[k++] = t, keep[k++] = pl;
    }
    CHECK_EQ(rc_live_objects(), 56);
    for (int i = 0; i < k; i++) rc_decref(keep[i]);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
