// emit= writes the rewritten main file only. The compile with the plugin
// also installs the rewritten text of the user headers that hold managed
// code: here node_new's rc_new in Inputs/rc_test.h gets struct node's
// descriptor (its finalizer, its `next` field). The emitted file compiled
// without the plugin includes the header as written, so its objects have
// rc_new's plain descriptor: no finalizer runs, `next` is never released
// and the program ends with `live 1` (why last session's emitted
// run-volatile-locals.c differed from the plugin's compile). emit= says
// so with a warning naming each such header; a file whose managed code is
// all in itself gets none, and its emitted text compiled alone behaves as
// the plugin's compile (run-emit-standalone.c).
// REQUIRES: plugin
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=%t.c -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=WARN
// WARN: warning: emit= wrote the rewritten main file only: the header '{{.*}}Inputs/rc_test.h' is rewritten too, so the emitted text compiled without the plugin leaves that header's managed code uncounted; compile the source with the plugin to run it [autorc-emit]
// WARN-NOT: [autorc-emit]
// The plugin's own compile: the finalizers run, nothing is left.
// RUN: %cc %plugin_flags %s %autorc_lib -o %t.plugin && %t.plugin | FileCheck %s --check-prefix=PLUG
// PLUG-COUNT-2: finalize
// PLUG: live 0
// The emitted text alone (what the warning is about).
// RUN: %cc -I%S %t.c %autorc_lib -o %t.alone && %t.alone | FileCheck %s --check-prefix=ALONE
// ALONE-NOT: finalize
// ALONE: live 1
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }

int main(void) {
    struct node *a = node_new(1);
    a->next = node_new(2);
    a = NULL;
    printf("live %zu\n", rc_live_objects());
    return 0;
}
