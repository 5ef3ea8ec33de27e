// autorc-cc with -x c: the runtime library after the inputs is not read as
// C (the driver puts -x none before it). Plain C from standard input
// compiles and links; source from standard input that uses autorc gets the
// plugin's [autorc-uninstrumented] warning (the plugin needs a file).
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/prog.txt
// RUN: %autorc_cc -x c %t/prog.txt -o %t/prog && %t/prog | FileCheck %s
// RUN: %autorc_cc -x c -c %t/prog.txt -o %t/prog.o && %autorc_cc %t/prog.o -o %t/prog2 && %t/prog2 | FileCheck %s
// RUN: printf 'int puts(const char *);\nint main(void) { puts("plain from stdin"); return 0; }\n' > %t/plain.c
// RUN: %autorc_cc -x c - -o %t/plain < %t/plain.c
// RUN: %t/plain | FileCheck --check-prefix=PLAIN %s
// PLAIN: plain from stdin
// RUN: %autorc_cc -x c - -o %t/stdin < %s 2>&1 | FileCheck --check-prefix=STDIN %s
// STDIN: warning: C read from standard input is compiled without reference counting{{.*}} [autorc-uninstrumented]
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node { struct node *next; };
RC_FINALIZER void node_fin(struct node *n);
static int finalized;
void node_fin(struct node *n) { finalized++; (void)n; }

int main(void) {
    struct node *a = rc_new(struct node);
    a->next = rc_new(struct node);
    a = NULL;
    printf("finalized %d live %zu\n", finalized, rc_live_objects());
    return 0;
}
// CHECK: finalized 2 live 0
