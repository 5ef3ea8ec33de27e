// Without the plugin a generator cannot run as a plain function: RC_GENERATOR
// is a compile error that says what is missing, never silently wrong code.
// RUN: not %cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <autorc.h>

// CHECK: error: {{.*}}RC_GENERATOR needs the autorc plugin (compile with autorc-cc or -fplugin=autorc.so)
RC_GENERATOR(long) rc_gen *count(long n) {
    for (long i = 0; i < n; i++) rc_yield(i);
}

int main(void) { return 0; }
