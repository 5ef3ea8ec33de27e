// Clang's -Wincompatible-pointer-types on managed stores prints through the
// plugin exactly as without it, though the rewrite turns the stores into
// rc__assign((void **)&slot, value) calls (whose void * takes any pointer)
// and the initialisation into a retain: the warnings come from the parse of
// the user's text (ClangWarnings.h). With -Werror=incompatible-pointer-types
// they are errors, and the compile fails, as without the plugin.
// (Before: only the call warned; GCC 14 makes these errors.)
// REQUIRES: plugin
// RUN: %clang -fsyntax-only -fno-caret-diagnostics -I%autorc_include %s 2> %t.plain
// RUN: %clang %plugin_flags -fsyntax-only -fno-caret-diagnostics -I%autorc_include %s 2> %t.plugin
// RUN: diff %t.plain %t.plugin
// RUN: FileCheck %s < %t.plugin
// RUN: not %clang %plugin_flags -fsyntax-only -fno-caret-diagnostics -I%autorc_include -Werror=incompatible-pointer-types %s 2> %t.err
// RUN: FileCheck --check-prefix=ERR %s < %t.err
#include <autorc.h>

struct RC_MANAGED a { int x; };
struct RC_MANAGED b { double y; struct a *inner; };
static int take_a(struct a *p) { return p->x; }

int main(void) {
  struct a *pa = rc_new(struct a);
  struct b *pb = rc_new(struct b);
  pa = pb;
  // CHECK: clang-warning-incompatible-store.c:[[@LINE-1]]:6: warning: incompatible pointer types assigning to 'struct a *' from 'struct b *' [-Wincompatible-pointer-types]
  // ERR: clang-warning-incompatible-store.c:[[@LINE-2]]:6: error: incompatible pointer types assigning to 'struct a *' from 'struct b *' [-Werror,-Wincompatible-pointer-types]
  struct b *pd = rc_new(struct b);
  pd->inner = pb;
  // CHECK: clang-warning-incompatible-store.c:[[@LINE-1]]:13: warning: incompatible pointer types assigning
  // ERR: clang-warning-incompatible-store.c:[[@LINE-2]]:13: error: incompatible pointer types assigning
  struct a *pc = pb;
  // CHECK: clang-warning-incompatible-store.c:[[@LINE-1]]:13: warning: incompatible pointer types initializing 'struct a *' with an expression of type 'struct b *'
  // ERR: clang-warning-incompatible-store.c:[[@LINE-2]]:13: error: incompatible pointer types initializing
  return take_a(pb) + pa->x + pc->x + pd->inner->x;
  // CHECK: clang-warning-incompatible-store.c:[[@LINE-1]]:17: warning: incompatible pointer types passing 'struct b *' to parameter of type 'struct a *'
  // CHECK-NEXT: note: passing argument to parameter 'p' here
  // ERR: clang-warning-incompatible-store.c:[[@LINE-3]]:17: error: incompatible pointer types passing
}
