// A warning in a user header the rewrite leaves unchanged prints once,
// at its place in the header, as without the plugin.
// REQUIRES: plugin
// RUN: %clang -fsyntax-only -fno-caret-diagnostics -Wall -I%autorc_include -I%S/Inputs %s 2> %t.plain
// RUN: %clang %plugin_flags -fsyntax-only -fno-caret-diagnostics -Wall -I%autorc_include -I%S/Inputs %s 2> %t.plugin
// RUN: diff %t.plain %t.plugin
// RUN: FileCheck %s < %t.plugin
#include <autorc.h>
#include "clang-warning-header.h"

// CHECK: clang-warning-header.h:4:9: warning: using the result of an assignment
// CHECK-NOT: using the result of an assignment
// CHECK: clang-warning-header.h:3:7: warning: unused variable 'y' [-Wunused-variable]
// CHECK-NOT: unused variable 'y'

struct RC_MANAGED a { int x; };

int main(void) {
  struct a *p = rc_new(struct a);
  p = rc_new(struct a);
  return p->x + header_flag(p->x);
}
