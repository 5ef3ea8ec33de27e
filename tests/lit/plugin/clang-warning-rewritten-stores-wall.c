// Under -Wall, clang's warnings on statements the rewrite changes print
// through the plugin exactly as without it: -Wparentheses on `if (p = q)`
// (with its notes), -Wself-assign on `p = p`, -Wunused-variable on an unused
// managed local (its generated cleanup attribute no longer counts as a use).
// (Before: only `unused_i` warned.)
// REQUIRES: plugin
// RUN: %clang -fsyntax-only -fno-caret-diagnostics -Wall -I%autorc_include %s 2> %t.plain
// RUN: %clang %plugin_flags -fsyntax-only -fno-caret-diagnostics -Wall -I%autorc_include %s 2> %t.plugin
// RUN: diff %t.plain %t.plugin
// RUN: FileCheck %s < %t.plugin
#include <autorc.h>

struct RC_MANAGED a { int x; };
static struct a *mk(void) { return rc_new(struct a); }

int main(void) {
  struct a *p = NULL, *q = mk();
  if (p = q)
    // CHECK: clang-warning-rewritten-stores-wall.c:[[@LINE-1]]:9: warning: using the result of an assignment as a condition without parentheses [-Wparentheses]
    // CHECK-NEXT: note: place parentheses around the assignment to silence this warning
    // CHECK-NEXT: note: use '==' to turn this assignment into an equality comparison
    p->x = 1;
  p = p;
  // CHECK: clang-warning-rewritten-stores-wall.c:[[@LINE-1]]:5: warning: explicitly assigning value of variable of type 'struct a *' to itself [-Wself-assign]
  int unused_i;
  // CHECK: clang-warning-rewritten-stores-wall.c:[[@LINE-1]]:7: warning: unused variable 'unused_i' [-Wunused-variable]
  struct a *unused_p = mk();
  // CHECK: clang-warning-rewritten-stores-wall.c:[[@LINE-1]]:13: warning: unused variable 'unused_p' [-Wunused-variable]
  return p->x;
}
