// -fdiagnostics-format=sarif (clang 16 and later): the autorc warnings and
// their notes come out as SARIF results at the user's lines. Under
// analyze-only the columns are the user's too; in a rewriting compile a
// warning on a rewritten line points at the same token in the compiled
// text (SARIF needs a real file).
// REQUIRES: plugin, llvm-19
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fdiagnostics-format=sarif -Wno-sarif-format-unstable -fplugin-arg-autorc-analyze-only %s 2>&1 | %python %S/Inputs/sarif_summary.py | FileCheck %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fdiagnostics-format=sarif -Wno-sarif-format-unstable %s 2>&1 | %python %S/Inputs/sarif_summary.py | FileCheck %s --check-prefix=REWRITE
#include <autorc.h>

struct RC_MANAGED dnode {
    struct dnode *next;
    struct dnode *prev;
};
// CHECK: warning sarif.c:[[@LINE-2]]:19 strong fields 'next' and 'prev' link struct dnode objects both ways{{.*}}[autorc-cycle]
// CHECK-NEXT: note sarif.c:[[@LINE-4]]:19 the cycle goes on through strong field 'next'
// REWRITE: warning sarif.c:[[@LINE-4]]:19 strong fields

void seed(struct dnode *a) {
    a->next = a;
    // CHECK: warning sarif.c:[[@LINE-1]]:5 this store makes 'a' refer to itself{{.*}}[autorc-cycle]
    // REWRITE: warning sarif.c:[[@LINE-2]]:{{[0-9]+}} this store makes 'a' refer to itself
}
