// Text inserted after a token (a parameter's pins after the body's `{`, a
// guarded local's registration after its declaration's `;`) goes before a
// wrap of the statement that follows it even when no space separates the
// two: the pins and the registration stay outside the next statement's
// temporaries block.
// (Before the fix the text landed inside that wrap — in the store's `&(`,
// in `rc_decref(` — a syntax error in the rewritten text: PlanEmitter.h.)
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Werror %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; int v; };
struct node *g(struct node *n);

void pinned(struct node *p) {p = g(p->next);}
// CHECK-LABEL: {{^}}void pinned(struct node *p) { rc__retain(p); void *rc__pin_p __attribute__((cleanup(rc__drop_indirect), unused)) = &p;__extension__({ struct { struct node *obj; rc__epoch_t epoch; } rc__t1 __attribute__((cleanup(rc__hold_drop))) = {0}; rc__assign_owned((void **)&(p ), g((rc__t1.obj = rc__hold(&rc__t1.epoch, p->next)))); });}

void guarded(int c) {if (c) goto out;struct node *a = g(0);g(a->next);out:;}
// CHECK: {{^[^/].*}}void guarded(int c) { struct node *a; void *rc__g0_a __attribute__((cleanup(rc__guard_rc__drop))) = NULL;if (c) goto out;struct node *rc__h0_a = g(0); __builtin_memcpy(&a, &rc__h0_a, sizeof a); rc__g0_a = &a;__extension__({ struct { struct node *obj; rc__epoch_t epoch; } rc__t1 __attribute__((cleanup(rc__hold_drop))) = {0}; rc_decref(g((rc__t1.obj = rc__hold(&rc__t1.epoch, a->next)))); });out:;}
