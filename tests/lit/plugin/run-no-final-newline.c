// A file whose last line is a // comment without a final newline: the
// generated type descriptors start on a line of their own after it. Before
// the fix they were appended inside the comment (undefined reference to the
// descriptor at link time).
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=%t.c -fsyntax-only %s
// RUN: tail -c 1 %s | od -An -c | FileCheck --check-prefix=SRC %s
// RUN: FileCheck --check-prefix=EMIT %s < %t.c
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { finalized++; }

int main(void) {
    struct node *n = node_new(7);
    printf("value %d\n", n->value);
    n = NULL;
    printf("finalized %d live %zu\n", finalized, rc_live_objects());
    return 0;
}
// CHECK: value 7
// CHECK-NEXT: finalized 1 live 0
// SRC: t
// EMIT: {{^}}// trailing comment, no newline at end of file: last{{$}}
// EMIT-NEXT: {{^}}/* autorc: descriptor of struct node */
// trailing comment, no newline at end of file: last