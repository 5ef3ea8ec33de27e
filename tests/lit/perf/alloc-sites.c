// rc_new(T) inlines the allocation fast path (RC__NEW_INLINE) while T has
// at most 4 allocation sites in the translation unit; a type allocated at
// more sites calls the runtime's rc__new at each (rc_new_typed, same
// descriptor, same site), so that hundreds of sites do not multiply -O2's
// work (FunctionRewriter.h, OutlineAllocSites). Both kinds of object get
// their type's descriptor: fields released, finalizer run, tracemalloc
// sees the allocation's own line.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck --check-prefix=OUT %s
// RUN: %cc %plugin_flags -O2 %s %autorc_lib -o %t.O2 && %t.O2 | FileCheck --check-prefix=OUT %s
#include <autorc.h>
#include "../../Inputs/check.h"

struct RC_MANAGED few { struct few *next; int v; };
struct RC_MANAGED many { struct many *next; int v; };
RC_FINALIZER void many_del(struct many *self) { printf("del many %d\n", self->v); }

struct few *few1(void) { return rc_new(struct few); }
// CHECK: struct few *few1(void) { return RC__NEW_INLINE(struct few, rc__type_few_{{[0-9a-f]+}}); }
struct few *few2(void) { return rc_new(struct few); }

struct many *m1(void) { return rc_new(struct many); }
// CHECK: struct many *m1(void) { return rc_new_typed(struct many, *__extension__({ extern const rc_type [[D:rc__type_many_[0-9a-f]+]]; &[[D]]; })); }
struct many *m2(void) { return rc_new(struct many); }
struct many *m3(void) { return rc_new(struct many); }
struct many *m4(void) { return rc_new(struct many); }
int main(void) {
    rc_tracemalloc_start(1);
    {
        struct few *f = few1();
        f->next = few2();
        struct many *m = rc_new(struct many);
        // CHECK: {{^ *}}struct many *m __attribute__((cleanup(rc__drop))) = rc_new_typed(struct many, *__extension__({ extern const rc_type [[D]]; &[[D]]; }));
        m->v = 1;
        m->next = m1();
        m->next->v = 2;
        rc_snapshot *snap = rc_tracemalloc_take_snapshot();
        rc_stats *st = rc_snapshot_statistics(snap, RC_KEY_LINENO);
        int lines = 0;
        for (size_t i = 0; i < rc_stats_len(st); i++) {
            rc_stat s;
            rc_stats_get(st, i, &s);
            if (s.line == 33 || s.line == 23) lines++; /* the two many sites */
        }
        printf("traced lines %d live %d\n", lines, (int)rc_live_objects());
        (void)m2; (void)m3; (void)m4; (void)f;
    }
    rc_tracemalloc_stop();
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
// OUT: traced lines 2 live
// OUT: del many 1
// OUT-NEXT: del many 2
// OUT: OK
