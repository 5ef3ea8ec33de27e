// A generator compiles under -std=c11 -Wpedantic -Werror: the lowered
// body's `goto *` and `&&label` (GNU extensions the user did not write) no
// longer warn; clang's warnings are those of the user's text, recorded by
// the generator pass's parse (ClangWarnings.h).
// (Before: error: use of GNU indirect-goto extension [-Werror,-Wgnu-label-as-value].)
// REQUIRES: plugin
// RUN: %clang %plugin_flags -fsyntax-only -std=c11 -Wpedantic -Werror -I%autorc_include %s 2>&1 | count 0
#include <autorc.h>

RC_GENERATOR(long) rc_gen *count_to(long n) {
  for (long i = 0; i < n; i++)
    rc_yield(i);
}

int main(void) {
  rc_gen *g = count_to(3);
  long sum = 0;
  for (long v; rc_gen_next(g, &v);)
    sum += v;
  return sum == 3 ? 0 : 1;
}
