// A declaration's brace list cannot be wrapped in a block holding the
// temporaries of its full expression, so each element that needs one (an
// argument kept alive for the call, a +1 result only lent to another call)
// is wrapped in its own block, released once the element's value is in its
// slot: a +1 result is taken as it is, a +0 value retained inside the block.
// Elements without temporaries, compound literals in expressions (the
// statement's block) and the lines are left as they are.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; int v; };
struct pr { struct node *a, *b; int k; };
struct value { int tag; union { long i; RC_TAGGED(tag, 1) struct node *o; } u; };
struct node *cat(struct node *x, struct node *y);
struct node *make(void);
RC_RETURNS_BORROWED struct node *peek(struct node *n);
int count(struct node *n);
void show(struct pr s);

void decls(struct node *p) {
    struct pr s = { cat(p->next, p), peek(make()), count(p->next) };
    struct value v = { .tag = 1, .u.o = cat(p, p->next) };
    struct node *arr[2] = { cat(p->next, p), p };
    show((struct pr){ cat(p->next, p), 0 });
}
// CHECK-LABEL: {{^[^/]*}}void decls(struct node *p) {
// CHECK-NEXT: {{^ *}}struct pr s __attribute__((cleanup(rc__vs_pr_dec))) = { __extension__({ struct { struct node *obj; rc__epoch_t epoch; } rc__t1 __attribute__((cleanup(rc__hold_drop))) = {0}; cat((rc__t1.obj = rc__hold(&rc__t1.epoch, p->next)), p); }), __extension__({ struct node *rc__t2 __attribute__((cleanup(rc__drop))) = NULL; rc__retain(peek((rc__t2 = make()))); }), __extension__({ struct { struct node *obj; rc__epoch_t epoch; } rc__t3 __attribute__((cleanup(rc__hold_drop))) = {0}; count((rc__t3.obj = rc__hold(&rc__t3.epoch, p->next))); }) };
// CHECK-NEXT: {{^ *}}struct value v __attribute__((cleanup(rc__vs_value_dec))) = { .tag = 1, .u.o = __extension__({ struct { struct node *obj; rc__epoch_t epoch; } rc__t4 __attribute__((cleanup(rc__hold_drop))) = {0}; cat(p, (rc__t4.obj = rc__hold(&rc__t4.epoch, p->next))); }) };
// CHECK-NEXT: {{^ *}}struct node *arr[2] __attribute__((cleanup(rc__drop_arr_2))) = { __extension__({ struct { struct node *obj; rc__epoch_t epoch; } rc__t5 __attribute__((cleanup(rc__hold_drop))) = {0}; cat((rc__t5.obj = rc__hold(&rc__t5.epoch, p->next)), p); }), rc__retain(p) };
// CHECK-NEXT: {{^ *}}__extension__({ struct { struct node *obj; rc__epoch_t epoch; } rc__t6 __attribute__((cleanup(rc__hold_drop))) = {0}; struct node *rc__t7 __attribute__((cleanup(rc__drop))) = NULL; struct rc__vs_pr_hold rc__t8 __attribute__((cleanup(rc__vs_pr_hold_drop))) = {0}; show((rc__t8.v = rc__vs_pr_hold_retain(&rc__t8.epoch, (struct pr){ (rc__t7 = cat((rc__t6.obj = rc__hold(&rc__t6.epoch, p->next)), p)), 0 }))); });
