// -Werror still fails the compile on the user's own warning in a file the
// plugin rewrites: the replayed warning is an error, with clang's
// [-Werror,-Wflag] suffix, and the compile's exit status is non-zero.
// REQUIRES: plugin
// RUN: not %clang %plugin_flags -fsyntax-only -Wall -Werror -I%autorc_include %s 2>&1 | FileCheck %s
#include <autorc.h>

struct RC_MANAGED a { int x; };

int main(void) {
  struct a *p = rc_new(struct a);
  struct a *q = rc_new(struct a);
  // CHECK: clang-warning-werror-user-warning-fails.c:[[@LINE-1]]:13: error: unused variable 'q' [-Werror,-Wunused-variable]
  // CHECK: 1 error generated.
  return p->x;
}
