// emit=<path> naming the file being compiled (by any spelling) is refused:
// writing the rewritten text there would overwrite the user's source.
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t/sub && cp %s %t/prog.c && cp %t/prog.c %t/orig.c
// RUN: not %clang %plugin_flags -fplugin-arg-autorc-emit=%t/prog.c -I%autorc_include -fsyntax-only %t/prog.c 2>&1 | FileCheck %s
// RUN: not %clang %plugin_flags -fplugin-arg-autorc-emit=%t/sub/../prog.c -I%autorc_include -fsyntax-only %t/prog.c 2>&1 | FileCheck %s
// RUN: ln -s %t/prog.c %t/link.c
// RUN: not %clang %plugin_flags -fplugin-arg-autorc-emit=%t/link.c -I%autorc_include -fsyntax-only %t/prog.c 2>&1 | FileCheck %s
// RUN: cmp %t/prog.c %t/orig.c
// CHECK: error: [autorc-args] emit={{.*}} names the file being compiled ('{{.*}}prog.c'): it would overwrite the source
// Another path is fine.
// RUN: %clang %plugin_flags -fplugin-arg-autorc-emit=%t/out.c -I%autorc_include -fsyntax-only %t/prog.c
// RUN: FileCheck --check-prefix=EMIT %s < %t/out.c
// EMIT: {{^ *}}struct node *a __attribute__((cleanup(rc__drop)))
#include <autorc.h>

struct RC_MANAGED node { struct node *next; };

int main(void) {
    struct node *a = rc_new(struct node);
    return a->next != 0;
}
