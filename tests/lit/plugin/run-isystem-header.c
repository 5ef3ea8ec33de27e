// Managed code in a header found through -isystem (how CMake passes the
// include directories of imported targets) is user code: the plugin finds
// it (the gate follows -isystem directories that are not the toolchain's
// or libc's) and instruments its inline functions. Before the fix the
// file compiled without counting: every object leaked.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -isystem %S/Inputs/isystem %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -isystem %S/Inputs/isystem -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck --check-prefix=EMIT %s
#include <sysnode.h>

int main(void) {
    struct snode *l = snode_list(2000);
    printf("first %d live %zu\n", l->value, rc_live_objects());
    l = NULL;
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: first 1999 live 2000
// CHECK-NEXT: live 0
// EMIT: {{^ *}}struct snode *l __attribute__((cleanup(rc__drop))) = snode_list(2000);
