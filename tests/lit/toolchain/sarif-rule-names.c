// autorc-cc -fdiagnostics-format=sarif: each autorc result carries its rule
// (id and name autorc-cycle, ..., not clang's number with an empty name),
// its notes as related locations, and clang's own results keep theirs;
// clang's exit status is kept.
// REQUIRES: plugin
// UNSUPPORTED: llvm-14, llvm-15
// RUN: %autorc_cc -fsyntax-only -Wall -fdiagnostics-format=sarif -Wno-sarif-format-unstable -fplugin-arg-autorc-analyze-only %s 2> %t.sarif
// RUN: %python %S/Inputs/sarif_rules.py < %t.sarif | FileCheck %s
// RUN: %python %S/Inputs/sarif_rules.py < %t.sarif | FileCheck --check-prefix=CLANG %s
// RUN: not %autorc_cc -fsyntax-only -fdiagnostics-format=sarif -Wno-sarif-format-unstable -DBROKEN %s 2> %t.err
// RUN: %python %S/Inputs/sarif_rules.py < %t.err | FileCheck --check-prefix=BROKEN %s
#include <autorc.h>

struct RC_MANAGED dnode {
    struct dnode *next;
    struct dnode *prev;
};
// CHECK: rule autorc-cycle name autorc-cycle
// CHECK: result autorc-cycle line [[@LINE-3]]: strong fields 'next' and 'prev' link struct dnode objects both ways{{.*}}RC_WEAK
// CHECK-NEXT: related line [[@LINE-5]]: the cycle goes on through strong field 'next'

int main(void) {
    int unused;
    // CLANG: result {{[0-9]+}} line [[@LINE-1]]: unused variable 'unused'
#ifdef BROKEN
    undeclared();
    // BROKEN: result {{[0-9]+}} line [[@LINE-1]]: call to undeclared function 'undeclared'
#endif
    return 0;
}
