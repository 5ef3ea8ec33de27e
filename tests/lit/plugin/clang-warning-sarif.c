// With -fdiagnostics-format=sarif, clang's own warnings on statements the
// plugin rewrites come out as SARIF results as without the plugin: same
// levels, lines and messages (no [-Wflag] in the message: clang's SARIF
// printer does not add it). Columns on a rewritten line are those of the
// same token in the compiled line (SARIF needs a real file), so the
// comparison leaves them out.
// REQUIRES: plugin, llvm-19
// RUN: %clang -I%autorc_include -fsyntax-only -Wall -fdiagnostics-format=sarif -Wno-sarif-format-unstable %s 2>&1 | %python %S/../warnings/Inputs/sarif_summary.py | sed -E 's/:[0-9]+ / /' > %t.plain
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Wall -fdiagnostics-format=sarif -Wno-sarif-format-unstable %s 2>&1 | %python %S/../warnings/Inputs/sarif_summary.py | sed -E 's/:[0-9]+ / /' > %t.plugin
// RUN: diff %t.plain %t.plugin
// RUN: FileCheck %s < %t.plugin
#include <autorc.h>

struct RC_MANAGED a { int x; };
struct RC_MANAGED b { int y; };

int main(void) {
  struct a *p = rc_new(struct a);
  struct b *q = rc_new(struct b);
  p = q;
  // CHECK: warning clang-warning-sarif.c:[[@LINE-1]] incompatible pointer types assigning to 'struct a *' from 'struct b *'{{$}}
  struct a *unused = rc_new(struct a);
  // CHECK: warning clang-warning-sarif.c:[[@LINE-1]] unused variable 'unused'{{$}}
  return p->x;
}
