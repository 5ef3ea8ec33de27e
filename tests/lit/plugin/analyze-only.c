// -fplugin-arg-autorc-analyze-only: the analysis runs and reports its
// errors, but the compile uses the text unchanged (emit writes the original
// bytes), so the program is not instrumented: b = a takes no reference.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -fplugin-arg-autorc-analyze-only -fplugin-arg-autorc-emit=%t.emitted.c -DBY_HAND %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: cmp %s %t.emitted.c
// RUN: %cc %plugin_flags %s %autorc_lib -o %t.rc && %t.rc | FileCheck --check-prefix=RC %s
// RUN: not %clang %plugin_flags -fplugin-arg-autorc-analyze-only -I%autorc_include -fsyntax-only -DBAD %s 2>&1 | FileCheck --check-prefix=BAD %s
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED node { struct node *next; };

int main(void) {
    struct node *a = rc_new(struct node);
    struct node *b = a;
    printf("count %zu\n", rc_getrefcount(a)); /* a used after b = a: not moved */
#ifdef BY_HAND
    rc_decref(a); /* not instrumented: release by hand */
#endif
#ifdef BAD
    free(a); // BAD: error: [autorc-free]
#endif
    return 0;
}
// CHECK: count 1
// RC: count 2
