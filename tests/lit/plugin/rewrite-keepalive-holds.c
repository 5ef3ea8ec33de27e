// An argument retained for a call (a keep-alive: the callee might drop the
// slot it came from) is a hold: `struct { T *obj; rc__epoch_t epoch; }`
// whose retain rc__hold saves the collector's epoch and whose cleanup
// rc__hold_drop makes no candidate root unless a collection ran during the
// call (gc.c, "Keep-alive holds"). Also for a pointer to const, an
// address-taken local, several in one call and nested calls; a struct
// argument holds its slots through its helpers' _hold (ValueStructs.h). A +1
// result's temporary is not a hold (rc__drop). The rewritten text compiles
// with -Wall -Wextra -Werror.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=%t.emit.c %s
// RUN: FileCheck %s < %t.emit.c
// RUN: FileCheck %s --check-prefix=HELPERS < %t.emit.c
// RUN: %cc -Werror -c %t.emit.c -o %t.o
#include <autorc.h>

struct RC_MANAGED node { struct node *next; const struct node *peer; int v; };
struct pair { struct node *a, *b; };
struct RC_MANAGED box { struct pair p; struct node *n; };
struct node *make(void);
int use(struct node *n);
int peek(const struct node *n);
int two(struct node *a, struct node *b);
int both(struct pair p);
void pop(struct node **head, struct node *n);

int holds(struct node *p, struct box *b) {
    struct node *head = make();
    int x = use(p->next);
    x += peek(p->peer);
    x += two(p->next, p->next->next);
    x += use(make()) + use(p->next);
    x += both(b->p);
    pop(&head, head);
    return x;
}
// CHECK: {{^ *}}int x = __extension__({ struct { struct node *obj; rc__epoch_t epoch; } rc__t1 __attribute__((cleanup(rc__hold_drop))) = {0}; use((rc__t1.obj = rc__hold(&rc__t1.epoch, p->next))); });
// CHECK-NEXT: {{^ *}}__extension__({ struct { const struct node *obj; rc__epoch_t epoch; } rc__t2 __attribute__((cleanup(rc__hold_drop))) = {0}; x += peek((rc__t2.obj = rc__hold(&rc__t2.epoch, p->peer))); });
// CHECK-NEXT: {{^ *}}__extension__({ struct { struct node *obj; rc__epoch_t epoch; } rc__t3 __attribute__((cleanup(rc__hold_drop))) = {0}; struct { struct node *obj; rc__epoch_t epoch; } rc__t4 __attribute__((cleanup(rc__hold_drop))) = {0}; x += two((rc__t3.obj = rc__hold(&rc__t3.epoch, p->next)), (rc__t4.obj = rc__hold(&rc__t4.epoch, p->next->next))); });
// CHECK-NEXT: {{^ *}}__extension__({ struct node *rc__t5 __attribute__((cleanup(rc__drop))) = NULL; struct { struct node *obj; rc__epoch_t epoch; } rc__t6 __attribute__((cleanup(rc__hold_drop))) = {0}; x += use((rc__t5 = make())) + use((rc__t6.obj = rc__hold(&rc__t6.epoch, p->next))); });
// CHECK-NEXT: {{^ *}}__extension__({ struct rc__vs_pair_hold rc__t7 __attribute__((cleanup(rc__vs_pair_hold_drop))) = {0}; x += both((rc__t7.v = rc__vs_pair_hold_retain(&rc__t7.epoch, b->p))); });
// CHECK-NEXT: {{^ *}}__extension__({ struct { struct node *obj; rc__epoch_t epoch; } rc__t8 __attribute__((cleanup(rc__hold_drop))) = {0}; pop(&head, (rc__t8.obj = rc__hold(&rc__t8.epoch, head))); });
// The struct's helpers: the hold's type, its retain and its cleanup.
// HELPERS: {{^}}static inline {{.*}} struct rc__vs_pair_hold { struct pair v; rc__epoch_t epoch; };
// HELPERS-SAME: rc__vs_pair_hold_retain(rc__epoch_t *e, struct pair v) { *e = rc__gc_epoch; rc__vs_pair_inc(&v); return v; }
// HELPERS-SAME: rc__vs_pair_hold_drop(void *p) { struct rc__vs_pair_hold *h = (struct rc__vs_pair_hold *)p; struct pair *s = &h->v; (void)rc__release_held(s->a, h->epoch); (void)rc__release_held(s->b, h->epoch); (void)s; }
