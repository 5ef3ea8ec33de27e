// autorc-cc adds the runtime's include path only where an input is
// preprocessed: clang reports an -I it did not use ("argument unused during
// compilation"), an error under -Werror, so a build that compiles its own
// preprocessed output (.i; distcc, ccache's preprocessor mode) failed where
// clang succeeds. The .i of a program that uses autorc is compiled as
// written (it was rewritten, or not, when it was preprocessed: the plugin
// reads the .c).
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t
// RUN: printf 'int puts(const char *);\nint main(void) { puts("from a .i"); return 0; }\n' > %t/plain.c
// RUN: %autorc_cc -E %t/plain.c -o %t/plain.i
// RUN: %autorc_cc -Werror -c %t/plain.i -o %t/plain.o
// RUN: %autorc_cc -Werror %t/plain.o -o %t/plain && %t/plain | FileCheck %s
// RUN: %autorc_cc -Werror %t/plain.i -o %t/plain2 && %t/plain2 | FileCheck %s
// RUN: %autorc_cc -Werror -x cpp-output -c %t/plain.i -o %t/plain3.o
// CHECK: from a .i
// The include path is still there for C, named by its suffix or by -x.
// RUN: %autorc_cc -### -c %s -o %t/x.o 2>&1 | FileCheck --check-prefix=INC %s
// RUN: cp %s %t/prog.txt && %autorc_cc -### -x c -c %t/prog.txt -o %t/x.o 2>&1 | FileCheck --check-prefix=INC %s
// RUN: %autorc_cc -### -c %t/plain.i -o %t/x.o 2>&1 | FileCheck --check-prefix=NOINC %s
// INC: "-I" "{{[^"]*}}include"
// NOINC-NOT: "-I"
#include <autorc.h>
int main(void) { return rc_live_objects() != 0; }
