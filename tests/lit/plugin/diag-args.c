// Plugin arguments: an unknown one is an error naming it and listing the
// valid ones; an emit= path that cannot be written is an error; analyze-only and no-elide are accepted.
// REQUIRES: plugin
// RUN: not %clang %plugin_flags -fplugin-arg-autorc-bogus -I%autorc_include -fsyntax-only %s 2>&1 | FileCheck %s
// RUN: %clang %plugin_flags -fplugin-arg-autorc-analyze-only -fplugin-arg-autorc-no-elide -I%autorc_include -fsyntax-only %s
// RUN: not %clang %plugin_flags -fplugin-arg-autorc-emit=%t.missing-dir/out.c -I%autorc_include -fsyntax-only %s 2>&1 | FileCheck --check-prefix=WRITE %s
// WRITE: error: [autorc-args] cannot write '{{.*}}.missing-dir/out.c': {{.+}}
// CHECK: error: [autorc-args] unknown plugin argument 'bogus' (-fplugin-arg-autorc-bogus); valid arguments: emit=<path>, analyze-only, no-elide
#include <autorc.h>
int main(void) { return 0; }
