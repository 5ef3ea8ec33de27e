// The emitter orders the edits itself, by where they land (inner spans
// first, siblings in source order, one fixed nesting for edits on the same
// span), so the rewritten text does not depend on the order in which the
// analysis planned them: each function's plan permuted with several seeds
// (-fplugin-arg-autorc-shuffle-plan=N) gives the same text, byte for byte.
// The constructs nest edits several deep on shared spans: keep-alives and
// retains inside a temporaries block, a store inside it, a weak local's
// registration inside its block and reload, pins and a goto guard after one
// `{`, a guarded declaration read in its own statement, rc_new, a struct
// value local.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=%t.0.c %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=%t.1.c -fplugin-arg-autorc-shuffle-plan=1 %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=%t.2.c -fplugin-arg-autorc-shuffle-plan=2 %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=%t.3.c -fplugin-arg-autorc-shuffle-plan=977 %s
// RUN: diff %t.0.c %t.1.c && diff %t.0.c %t.2.c && diff %t.0.c %t.3.c
// RUN: FileCheck %s < %t.3.c
#include <autorc.h>

struct RC_MANAGED node { struct node *next; RC_WEAK struct node *prev; int v; };
struct span { struct node *first, *last; };
struct node *make(void);
struct node *cat(struct node *a, struct node *b);
int use(struct node *n);

int nested(struct node *p, struct node *q) {
    q = cat(p->next, q->next);
    p->next = cat(make(), p->next);
    RC_WEAK struct node *w = cat(make(), p->next);
    return use(cat(p->next, make())) + (w != NULL);
}
// CHECK-LABEL: {{^ *}}int nested(struct node *p, struct node *q) { rc__retain(q); void *rc__pin_q __attribute__((cleanup(rc__drop_indirect), unused)) = &q;
// CHECK-NEXT: {{^ *}}__extension__({ {{.*}} rc__assign_owned((void **)&(q ), cat((rc__t1.obj = rc__hold(&rc__t1.epoch, p->next)), (rc__t2.obj = rc__hold(&rc__t2.epoch, q->next)))); });
// CHECK-NEXT: {{^ *}}__extension__({ {{.*}} rc__assign_owned((void **)&(p->next ), cat((rc__t3 = make()), (rc__t4.obj = rc__hold(&rc__t4.epoch, p->next)))); });
// CHECK-NEXT: {{^ *}}RC_WEAK struct node *w __attribute__((cleanup(rc__weak_drop))) = rc__weak_reload(&w, __extension__({ {{.*}} rc__weak_init_v(&w, (rc__t7 = cat((rc__t5 = make()), (rc__t6.obj = rc__hold(&rc__t6.epoch, p->next))))); }));
// CHECK-NEXT: {{^ *}}return __extension__({ {{.*}} use((rc__t10 = cat((rc__t8.obj = rc__hold(&rc__t8.epoch, p->next)), (rc__t9 = make())))) + (w != NULL); });
int guarded(int c) {
    if (c)
        goto out;
    struct node *a = rc_new(struct node), *b = a;
    struct span s = { a, make() };
    use(cat(s.first, b->next));
out:
    return c;
}
// CHECK: {{^[^/]*}}int guarded(int c) { struct node *a; void *rc__g0_a {{.*}} struct span s; void *rc__g2_s __attribute__((cleanup(rc__guard_rc__vs_span_dec))) = NULL;
// CHECK: struct node *rc__h0_a = {{RC__NEW_(INLINE|MANAGED)}}(struct node, rc__type_node_{{[0-9a-f]+}}), *rc__h1_b = rc__retain(rc__h0_a); __builtin_memcpy(&a, &rc__h0_a, sizeof a); rc__g0_a = &a; __builtin_memcpy(&b, &rc__h1_b, sizeof b); rc__g1_b = &b;
// CHECK-NEXT: {{^ *}}struct span rc__h2_s = { rc__retain(a), make() }; __builtin_memcpy(&s, &rc__h2_s, sizeof s); rc__g2_s = &s;
