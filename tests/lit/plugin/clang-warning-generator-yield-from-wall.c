// A generator's "yield from" loop (an unbraced for whose body yields)
// compiles under -Wall -Werror: the lowered text's line (the yield and the
// loop variable's release share it) no longer gives -Wmisleading-indentation.
// A warning the user wrote in a generator still prints, at the user's line
// and column (the generator pass's parse of the user's text records it).
// (Before: error: misleading indentation; statement is not part of the previous 'for'.)
// REQUIRES: plugin
// RUN: not %clang %plugin_flags -fsyntax-only -Wall -Werror -I%autorc_include %s 2>&1 | FileCheck %s
// RUN: %clang %plugin_flags -fsyntax-only -Wall -Werror -DNO_UNUSED -I%autorc_include %s 2>&1 | count 0
#include <autorc.h>

struct RC_MANAGED node { int k; };

RC_GENERATOR(struct node *) rc_gen *each(rc_list *l) {
  for (ptrdiff_t i = 0; i < (ptrdiff_t)rc_list_len(l); i++)
    rc_yield(rc_list_get(l, i));
}

RC_GENERATOR(struct node *) rc_gen *again(rc_list *l) {
  rc_gen *inner = each(l);
#ifndef NO_UNUSED
  int unused;
  // CHECK: clang-warning-generator-yield-from-wall.c:[[@LINE-1]]:7: error: unused variable 'unused' [-Werror,-Wunused-variable]
#endif
  for (struct node *x = NULL; rc_gen_next(inner, &x);)
    rc_yield(x);
}
// CHECK-NOT: misleading
// CHECK: 1 error generated.

int main(void) {
  rc_list *l = rc_list_new();
  rc_list_append(l, rc_new(struct node));
  rc_gen *g = again(l);
  int sum = 0;
  for (struct node *n = NULL; rc_gen_next(g, &n);)
    sum += n->k;
  return sum;
}
