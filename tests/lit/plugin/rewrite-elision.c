// Keep-alive elision: an argument read from a slot (p->left) is passed
// without a retain to a release-free callee — one whose body can release
// nothing (no managed locals, stores, +1 calls, calls through pointers or
// to functions that could). (Mutually) recursive readers qualify. A callee
// that stores, is only declared here, calls a function defined elsewhere or
// a runtime function that may run finalizers gets the keep-alive; so does
// everything with -fplugin-arg-autorc-no-elide.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
// RUN: %clang %plugin_flags -fplugin-arg-autorc-no-elide -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck --check-prefix=NAIVE %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED tree { struct tree *left, *right; int v; };
int declared_only(struct tree *t);

static int odd_depth(struct tree *t);
static int even_depth(struct tree *t) { return t ? 1 + odd_depth(t->left) : 0; }
static int odd_depth(struct tree *t) { return t ? 1 + even_depth(t->right) : 0; }
static long check(struct tree *t) { return 1 + (t->left ? check(t->left) + check(t->right) : 0); }
static void show(struct tree *t) { printf("%d\n", t->v); }
static int prune(struct tree *t) { t->left = NULL; return 0; }
void reset_elsewhere(void); /* defined in another file: may release anything */
static int calls_elsewhere(struct tree *t) { reset_elsewhere(); return t->v; }
static int collects(struct tree *t) { rc_gc_collect(-1); return t->v; } /* finalizers may run */
static int counts(struct tree *t) { return (int)rc_getrefcount(t); }   /* a pure reader */

void use(struct tree *t) {
    check(t->left);
    even_depth(t->right);
    show(t->left);
    prune(t->left);
    declared_only(t->left);
    calls_elsewhere(t->left);
    collects(t->left);
    counts(t->left);
}
// CHECK: {{^}}static long check(struct tree *t) { return 1 + (t->left ? check(t->left) + check(t->right) : 0); }
// CHECK: {{^ *}}check(t->left);
// CHECK: {{^ *}}even_depth(t->right);
// CHECK: {{^ *}}show(t->left);
// CHECK: {{^ *}}__extension__({ struct { struct tree *obj; rc__epoch_t epoch; } rc__t1 __attribute__((cleanup(rc__hold_drop))) = {0}; prune((rc__t1.obj = rc__hold(&rc__t1.epoch, t->left))); });
// CHECK: {{^ *}}__extension__({ struct { struct tree *obj; rc__epoch_t epoch; } rc__t2 __attribute__((cleanup(rc__hold_drop))) = {0}; declared_only((rc__t2.obj = rc__hold(&rc__t2.epoch, t->left))); });
// CHECK: {{^ *}}__extension__({ struct { struct tree *obj; rc__epoch_t epoch; } rc__t3 __attribute__((cleanup(rc__hold_drop))) = {0}; calls_elsewhere((rc__t3.obj = rc__hold(&rc__t3.epoch, t->left))); });
// CHECK: {{^ *}}__extension__({ struct { struct tree *obj; rc__epoch_t epoch; } rc__t4 __attribute__((cleanup(rc__hold_drop))) = {0}; collects((rc__t4.obj = rc__hold(&rc__t4.epoch, t->left))); });
// CHECK: {{^ *}}counts(t->left);
// NAIVE: {{^ *}}__extension__({ struct { struct tree *obj; rc__epoch_t epoch; } rc__t1 __attribute__((cleanup(rc__hold_drop))) = {0}; check((rc__t1.obj = rc__hold(&rc__t1.epoch, t->left))); });
