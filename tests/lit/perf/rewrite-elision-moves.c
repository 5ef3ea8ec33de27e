// RC-op elision in the emitted text. Moves on last use: a strong local
// whose last use is a store, a local's initialiser or an owned argument is
// moved (rc__move), no retain; `x->f = x`, a use inside a loop, a function
// with goto, and a local used later keep the retain. Owned parameters of
// static constructors: no retain on entry, a cleanup on exit, +1 results
// passed as they are. Borrowed parameters: never retained unless assigned;
// locals passed to borrowing calls: no keep-alive. The naive mode
// (no-elide) retains parameters on entry, keeps every argument alive, holds
// +1 results in temporaries and retains them where stored, and retains
// `return local`.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
// RUN: %clang %plugin_flags -fplugin-arg-autorc-no-elide -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck --check-prefix=NAIVE %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-stats %s 2>&1 | FileCheck --check-prefix=STATS %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; int v; };
struct node *extern_make(void);
int borrow(struct node *n);

static struct node *cons(int v, struct node *next) {
    struct node *n = rc_new(struct node);
    n->v = v;
    n->next = next;
    return n;
}
// CHECK-LABEL: {{^ *}}static struct node *cons(int v, struct node *next) { void *rc__pin_next __attribute__((cleanup(rc__drop_indirect), unused)) = &next;
// CHECK: {{^ *}}n->next = rc__move(&(next));
// CHECK: {{^ *}}return rc__move(&(n));
// NAIVE-LABEL: {{^ *}}static struct node *cons(int v, struct node *next) { rc__retain(next); void *rc__pin_next __attribute__((cleanup(rc__drop_indirect), unused)) = &next;
// NAIVE: {{^ *}}rc__assign((void **)&(n->next ), next);
// NAIVE: {{^ *}}return rc__retain(n);

void moves(struct node *p) {
    struct node *a = extern_make();
    struct node *b = a;
    p->next = b;
    struct node *c = extern_make();
    c->next = c;
    struct node *d = extern_make();
    p->next = d;
    borrow(d);
    struct node *l = cons(1, extern_make());
    struct node *m = cons(2, l);
    struct node *k = cons(3, p);
    borrow(m);
    borrow(k);
}
// CHECK-LABEL: {{^ *}}void moves(struct node *p) {
// CHECK-NEXT: {{^ *}}struct node *a __attribute__((cleanup(rc__drop))) = extern_make();
// CHECK-NEXT: {{^ *}}struct node *b __attribute__((cleanup(rc__drop))) = rc__move(&(a));
// CHECK-NEXT: {{^ *}}rc__assign_owned((void **)&(p->next ), rc__move(&(b)));
// CHECK-NEXT: {{^ *}}struct node *c __attribute__((cleanup(rc__drop))) = extern_make();
// CHECK-NEXT: {{^ *}}rc__assign((void **)&(c->next ), c);
// CHECK-NEXT: {{^ *}}struct node *d __attribute__((cleanup(rc__drop))) = extern_make();
// CHECK-NEXT: {{^ *}}rc__assign((void **)&(p->next ), d);
// CHECK-NEXT: {{^ *}}borrow(d);
// CHECK-NEXT: {{^ *}}struct node *l __attribute__((cleanup(rc__drop))) = cons(1, extern_make());
// CHECK-NEXT: {{^ *}}struct node *m __attribute__((cleanup(rc__drop))) = cons(2, rc__move(&(l)));
// CHECK-NEXT: {{^ *}}struct node *k __attribute__((cleanup(rc__drop))) = cons(3, rc__retain(p));
// CHECK-NEXT: {{^ *}}borrow(m);
// CHECK-NEXT: {{^ *}}borrow(k);
// NAIVE-LABEL: {{^ *}}void moves(struct node *p) { rc__retain(p); void *rc__pin_p __attribute__((cleanup(rc__drop_indirect), unused)) = &p;
// NAIVE-NEXT: {{^ *}}struct node *a __attribute__((cleanup(rc__drop))) = __extension__({ struct node *rc__t1 __attribute__((cleanup(rc__drop))) = NULL; rc__retain((rc__t1 = extern_make())); });
// NAIVE-NEXT: {{^ *}}struct node *b __attribute__((cleanup(rc__drop))) = rc__retain(a);
// NAIVE-NEXT: {{^ *}}rc__assign((void **)&(p->next ), b);
// NAIVE: borrow((rc__t{{[0-9]+}}.obj = rc__hold(&rc__t{{[0-9]+}}.epoch, d)))

void loop_and_goto(struct node *p, int n) {
    for (int i = 0; i < n; i++) {
        struct node *x = extern_make();
        p->next = x;
    }
    struct node *y = extern_make();
    while (n--)
        p->next = y;
}
void with_goto(struct node *p, int n) {
    struct node *z = extern_make();
retry:
    p->next = z;
    if (n++ < 3)
        goto retry;
}
// CHECK-LABEL: {{^ *}}void loop_and_goto(struct node *p, int n) {
// CHECK: {{^ *}}rc__assign_owned((void **)&(p->next ), rc__move(&(x)));
// CHECK: {{^ *}}rc__assign((void **)&(p->next ), y);
// CHECK-LABEL: {{^ *}}void with_goto(struct node *p, int n) {
// CHECK: {{^ *}}rc__assign((void **)&(p->next ), z);

struct node *early(int c) {
    struct node *a = extern_make();
    if (c)
        return cons(1, a);
    a->v = 2;
    return a;
}
// CHECK-LABEL: {{^ *}}struct node *early(int c) {
// CHECK: {{^ *}}return cons(1, rc__move(&(a)));
// CHECK: {{^ *}}return rc__move(&(a));

// STATS: 1 managed types, 0 acyclic (0 annotated, 0 inferred); may cycle: struct node; elision: {{[0-9]+}} last-use moves, 1 owned parameters
