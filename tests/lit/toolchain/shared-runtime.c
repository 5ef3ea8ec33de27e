// One runtime per process: two shared libraries and a program built with
// autorc-cc share libautorc.so (the driver picks it for -shared, and for a
// program linking a library that depends on it, whether named by path or by
// -l). Objects made in a library are released in the program and the other
// way round, a cycle through both libraries is collected, and every module
// sees the same live count. With a static runtime per module, the counts
// differ and a release in the wrong module corrupts its pools.
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t
// RUN: %autorc_cc -fPIC -shared -I%S/Inputs/shared %S/Inputs/shared/liba.c -o %t/liba.so
// RUN: %autorc_cc -fPIC -shared -I%S/Inputs/shared %S/Inputs/shared/libb.c -o %t/libb.so
// RUN: %autorc_cc -I%S/Inputs/shared %s -L%t -la -lb -Wl,-rpath,%t -o %t/prog-l
// RUN: %t/prog-l | FileCheck %s
// RUN: %autorc_cc -I%S/Inputs/shared %s %t/liba.so %t/libb.so -Wl,-rpath,%t -o %t/prog-path
// RUN: %t/prog-path | FileCheck %s
// Each module needs the one libautorc.so; none carries its own copy.
// RUN: llvm-readelf -d %t/liba.so %t/libb.so %t/prog-l | FileCheck --check-prefix=NEEDED %s
// NEEDED-COUNT-3: (NEEDED) Shared library: [libautorc.so.0]
// RUN: llvm-nm -D --defined-only %t/liba.so | FileCheck --check-prefix=NOCOPY %s
// NOCOPY-NOT: rc_live_objects
#include "nodes.h"
#include <stdio.h>

int main(void) {
    /* made in liba.so, released here */
    struct anode *a = a_make(1);
    printf("made in a: live %zu/%zu\n", rc_live_objects(), b_live_objects());
    a = NULL;
    printf("released here: a_finalized %d live %zu\n", a_finalized, rc_live_objects());

    /* made here, kept and released by libb.so */
    struct anode *mine = rc_new(struct anode);
    b_keep(mine);
    mine = NULL;
    printf("kept by b: live %zu/%zu a_finalized %d\n", rc_live_objects(), b_live_objects(), a_finalized);
    b_forget();
    printf("released in b: a_finalized %d live %zu\n", a_finalized, b_live_objects());

    /* a cycle through both libraries' types, made in both */
    struct anode *x = a_make(2);
    struct bnode *y = b_make(3);
    x->b = y;
    y->a = x;
    x = NULL;
    y = NULL;
    printf("cycle: live %zu/%zu\n", rc_live_objects(), b_live_objects());
    long found = rc_gc_collect(-1);
    printf("collected %ld: a_finalized %d b_finalized %d live %zu/%zu\n", found, a_finalized,
           b_finalized, rc_live_objects(), b_live_objects());
    return 0;
}
// CHECK: made in a: live 1/1
// CHECK-NEXT: released here: a_finalized 1 live 0
// CHECK-NEXT: kept by b: live 1/1 a_finalized 1
// CHECK-NEXT: released in b: a_finalized 2 live 0
// CHECK-NEXT: cycle: live 2/2
// CHECK-NEXT: collected 2: a_finalized 3 b_finalized 1 live 0/0
