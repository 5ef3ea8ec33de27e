// <autorc.h>'s annotations (RC_MANAGED, RC_WEAK, RC_FINALIZER, ...) are for
// the plugin's analysis parse; the compile of the rewritten text skips them
// (RC__ANNOTATE is empty there), so that the header is cheaper to parse the
// second time and no field access carries an llvm.ptr.annotation call, nor
// the object a table of annotated functions. The same file compiled without
// the plugin keeps them (autorc-tidy and clangd read them).
// RUN: %cc %plugin_flags -S -emit-llvm -O0 %s -o - | FileCheck %s --check-prefix=PLUGIN
// RUN: %cc -S -emit-llvm -O0 %s -o - | FileCheck %s --check-prefix=PLAIN
// RUN: %cc %plugin_flags -Wall -Werror %s %autorc_lib -o %t && %t | FileCheck %s --check-prefix=OUT
// PLUGIN-NOT: llvm.{{(ptr|var|global)}}.annotation
// PLUGIN: define {{.*}}@main
// PLUGIN-NOT: llvm.{{(ptr|var|global)}}.annotation
// PLAIN: @llvm.global.annotations = {{.*}}@node_del
// PLAIN: call {{.*}}@llvm.ptr.annotation
// OUT: finalized 1, peer gone 1, live 0
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node {
    struct node *next;
    RC_WEAK struct node *peer;
    int v;
};
static int finalized;
RC_FINALIZER void node_del(struct node *self) { finalized += self->v == 2; }

int main(void) {
    struct node *a = rc_new(struct node), *b = rc_new(struct node);
    b->v = 2;
    a->peer = b;
    b = NULL;
    printf("finalized %d, peer gone %d, live %zu\n", finalized, a->peer == NULL,
           rc_live_objects() - 1);
    a = NULL;
    return 0;
}
