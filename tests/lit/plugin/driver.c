// bin/autorc-cc: clang + plugin + include path (+ runtime when linking).
// One-step and two-step builds, flags pass through, AUTORC_CLANG picks the
// compiler, and CC=autorc-cc builds a Makefile project of two files (the
// descriptor of struct item comes from stack.c, which defines its finalizer).
// REQUIRES: plugin
// RUN: %autorc_cc -O2 -Wall %s -o %t && %t | FileCheck %s
// RUN: %autorc_cc -c -g %s -o %t.o && %autorc_cc %t.o -o %t.2 && %t.2 | FileCheck %s
// RUN: %autorc_cc -fsyntax-only %s
// RUN: %autorc_cc -E %s | FileCheck --check-prefix=PP %s
// RUN: env AUTORC_CLANG=%clang %autorc_cc %s -o %t.3 && %t.3 | FileCheck %s
// RUN: env AUTORC_CLANG=/nonexistent/clang not %autorc_cc %s -o %t.4
// RUN: rm -rf %t.proj && cp -r %S/Inputs/make-project %t.proj
// RUN: make -s -C %t.proj "CC=%autorc_cc"
// RUN: %t.proj/prog | FileCheck --check-prefix=MAKE %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node { struct node *next; };

int main(void) {
    struct node *a = rc_new(struct node);
    struct node *b = a;
    printf("%zu\n", rc_getrefcount(a)); /* a is used after b = a: b holds its own reference */
    return 0;
}
// CHECK: 2
// PP: struct __attribute__((annotate("autorc_managed"))) node
// MAKE: sum 15 live 5
// MAKE-NEXT: finalized 5 live 0
