// Preprocessed input (-save-temps, -x cpp-output) has lost the rc_new macro
// and the boundaries of <autorc.h>, so it cannot be instrumented correctly:
// a clear error instead of uninstrumented code. Plain C stays fine.
// REQUIRES: plugin
// RUN: %clang -I%autorc_include -E %s -o %t.i
// RUN: not %clang %plugin_flags -c %t.i -o %t.o 2>&1 | FileCheck %s
// RUN: rm -rf %t.dir && mkdir %t.dir && cd %t.dir && not %clang %plugin_flags -I%autorc_include -save-temps -c %s 2>&1 | FileCheck %s
// RUN: %clang -E %S/plain-c-hashtable.c -o %t.plain.i
// RUN: %clang %plugin_flags -c %t.plain.i -o %t.plain.o
// CHECK: error: [autorc-unsupported] '{{.*}}.i' is preprocessed output: the autorc plugin needs the original source
#include <autorc.h>

struct RC_MANAGED node { struct node *next; };

struct node *make(void) { return rc_new(struct node); }
