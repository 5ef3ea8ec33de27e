// Returns: `return local` moves the local out (no retain, no release); a
// +0 value (parameter, field, borrowed call) is retained; a +1 call result
// is returned as is. RC_RETURNS_BORROWED functions return +0 unchanged. A
// parameter the function assigns is pinned: retained on entry and released
// by a cleanup on exit.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; };
struct node *make(void);
RC_RETURNS_BORROWED struct node *peek(struct node *n);

struct node *ret_local(void) {
    struct node *n = make();
    return n;
}
struct node *ret_param(struct node *p) { return p; }
struct node *ret_field(struct node *p) { return p->next; }
struct node *ret_call(void) { return make(); }
struct node *ret_borrowed_call(struct node *p) { return peek(p); }
struct node *ret_ternary(struct node *p, int c) { return c ? make() : p; }
RC_RETURNS_BORROWED struct node *getter(struct node *p) { return p->next; }
struct node *last(struct node *p) {
    while (p->next)
        p = p->next;
    return p;
}
// CHECK: {{^ *}}return rc__move(&(n));
// CHECK: {{^}}struct node *ret_param(struct node *p) { return rc__retain(p); }
// CHECK: {{^}}struct node *ret_field(struct node *p) { return rc__retain(p->next); }
// CHECK: {{^}}struct node *ret_call(void) { return make(); }
// CHECK: {{^}}struct node *ret_borrowed_call(struct node *p) { return rc__retain(peek(p)); }
// CHECK: {{^}}struct node *ret_ternary(struct node *p, int c) { return c ? make() : rc__retain(p); }
// CHECK: {{^}}RC_RETURNS_BORROWED struct node *getter(struct node *p) { return p->next; }
// CHECK: {{^}}struct node *last(struct node *p) { rc__retain(p); void *rc__pin_p __attribute__((cleanup(rc__drop_indirect), unused)) = &p;
// CHECK: {{^ *}}rc__assign((void **)&(p ), p->next);
// CHECK: {{^ *}}return rc__move(&(p));
