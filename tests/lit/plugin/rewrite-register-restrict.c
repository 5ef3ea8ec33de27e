// The rewrite deletes `register` and `restrict` from a managed local or
// parameter whose address the counting takes (a cleanup, a pin, a move
// out by `return`), in place: every line keeps its number. The keyword
// stays where nothing is counted (a borrowed parameter, a plain int).
// The emitted text compiles with -Wall -Werror.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=%t.c %s
// RUN: FileCheck %s < %t.c
// RUN: %clang -Wall -Werror -I%autorc_include -fsyntax-only %t.c
#include <autorc.h>

struct RC_MANAGED node { struct node *next; int v; };
typedef struct node *nodep;
struct node *make(void);

// CHECK: {{^}}int borrowed(struct node *restrict a, struct node *restrict b) {
int borrowed(struct node *restrict a, struct node *restrict b) {
    return a->v + b->v;
}

struct node *locals(void) {
    // CHECK: {{^ *}}struct node *p __attribute__((cleanup(rc__drop))) = make(), *q __attribute__((cleanup(rc__drop))) = make();
    register struct node *p = make(), *q = make();
    // CHECK: {{^ *}}register int x = 3;
    register int x = 3;
    // CHECK: {{^ *}}struct node * r __attribute__((cleanup(rc__drop))) = make();
    struct node *restrict r = make();
    // CHECK: {{^ *}}nodep  s __attribute__((cleanup(rc__drop))) = make();
    nodep restrict s = make();
    // CHECK: {{^ *}}struct node * t __attribute__((cleanup(rc__drop))) = make(), * u __attribute__((cleanup(rc__drop))) = make();
    struct node *__restrict t = make(), *__restrict__ u = make();
    p->v = x + q->v + r->v + s->v + t->v + u->v;
    // CHECK: {{^ *}}return rc__move(&(p));
    return p;
}

// CHECK: {{^}}struct node *pinned( struct node *n, struct node * m) { rc__retain(n); void *rc__pin_n {{.*}} = &n; rc__retain(m); void *rc__pin_m {{.*}} = &m;
struct node *pinned(register struct node *n, struct node *restrict m) {
    n = make();
    m = make();
    return m->v ? m : n;
}
