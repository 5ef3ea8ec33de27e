// rc_new(T) in a constructor called from more than 4 places (sites of T
// times the callers clang may inline the function into) calls T's
// allocation function <descriptor>_new, defined once after T's descriptor at
// the end of the file (RC__NEW_DEFINE): at -O2 the allocation fast path
// (with its calls of rc__new and of the collector's trigger) is in that
// function alone, not in the callers the constructor is inlined into. With
// few copies (a recursive builder called once) the fast path stays inline
// (RC__NEW_INLINE). Two files that define one type's function link (weak);
// a struct local to a function gets its size and alignment as numbers.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck --check-prefix=EMIT %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- -DSECOND %s | FileCheck --check-prefix=EMIT2 %s
// RUN: %clang %plugin_flags -I%autorc_include -O2 -S -emit-llvm -o %t.ll %s
// RUN: FileCheck --check-prefix=IR %s < %t.ll
// RUN: FileCheck --check-prefix=FN %s < %t.ll
// RUN: %cc %plugin_flags -O2 -c %s -o %t.a.o
// RUN: %cc %plugin_flags -O2 -DSECOND -DMANY -c %s -o %t.b.o
// RUN: %cc %t.a.o %t.b.o %autorc_lib -o %t && %t | FileCheck --check-prefix=OUT %s
// RUN: %cc %plugin_flags -O0 %s -DSECOND -DBOTH %autorc_lib -o %t0 && %t0 | FileCheck --check-prefix=OUT %s
#include <autorc.h>
#include "../../Inputs/check.h"

struct RC_MANAGED pair { struct pair *left, *right; long v; };

static struct pair *cons(struct pair *l, long v, struct pair *r) {
    struct pair *p = rc_new(struct pair);
// EMIT: struct pair *p __attribute__((cleanup(rc__drop))) = RC__NEW_MANAGED(struct pair, [[D:rc__type_pair_[0-9a-f]+]]);
// EMIT2: struct pair *p __attribute__((cleanup(rc__drop))) = RC__NEW_INLINE(struct pair, rc__type_pair_{{[0-9a-f]+}});
    p->left = l;
    p->v = v;
    p->right = r;
    return p;
}

long sum(struct pair *t);
long second(int d);

#if !defined(SECOND) || defined(BOTH) || defined(MANY)
static struct pair *leaf(long v) { return cons(NULL, v, NULL); }
static struct pair *lonly(struct pair *l, long v) { return cons(l, v, NULL); }
static struct pair *ronly(long v, struct pair *r) { return cons(NULL, v, r); }
#endif
#if !defined(SECOND) || defined(BOTH)
struct pair *tree(int d) { return d == 0 ? cons(NULL, 1, NULL) : cons(tree(d - 1), d, tree(d - 1)); }
// IR-LABEL: define {{.*}}@tree(
// IR-NOT: @rc__new(
// IR-NOT: @rc__gc_maybe_collect(
// IR: call {{.*}}@[[NEW:rc__type_pair_[0-9a-f]+_new]](
// IR-NOT: @rc__new(
// IR-NOT: @rc__gc_maybe_collect(
// IR-LABEL: define {{.*}}@local_cells(

static long local_cells(int n) {
    struct RC_MANAGED cell { struct cell *next; int v; };
    struct cell *head = NULL;
    for (int i = 0; i < n; i++) {
        struct cell *c = rc_new(struct cell);
        c->v = i;
        c->next = head;
        head = c;
    }
    long s = 0;
    for (struct cell *c = head; c; c = c->next) s += c->v;
    return s;
}

int main(void) {
    {
        struct pair *t = tree(10);
        struct pair *u = lonly(ronly(2, leaf(3)), 4);
        long cells = local_cells(1) + local_cells(2) + local_cells(3) + local_cells(4) + local_cells(100);
        printf("sum %ld %ld second %ld cells %ld\n", sum(t), sum(u), second(10), cells);
    }
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
#endif

#if defined(SECOND)
long sum(struct pair *t) { return t ? t->v + sum(t->left) + sum(t->right) : 0; }
long second(int d) {
    struct pair *t = NULL;
    for (int i = 0; i < d; i++) t = i % 2 ? cons(t, i, NULL) : cons(NULL, i, t);
    return sum(t);
}
#endif

// FN-DAG: define weak hidden {{.*}}@rc__type_pair_{{[0-9a-f]+}}_new(
// FN-DAG: define weak hidden {{.*}}@rc__type_cell_{{[0-9a-f]+}}_new(
// FN-DAG: call {{.*}}@rc__new({{.*}}@rc__type_pair_
// FN-DAG: call {{.*}}@rc__new({{.*}}@rc__type_cell_
// EMIT: {{^/[*] autorc}}: descriptor of struct pair {{.*}} const rc_type [[D]] = {{.*}}; RC__NEW_DEFINE([[D]], sizeof(struct pair), _Alignof(struct pair))
// EMIT: {{^/[*] autorc}}: descriptor of struct cell {{.*}}; RC__NEW_DEFINE(rc__type_cell_{{[0-9a-f]+}}, 16, 8)
// EMIT2-NOT: {{_rt[}]; RC__NEW_DEFINE}}
// OUT: sum 3060 9 second 45 cells 4960
// OUT: OK
