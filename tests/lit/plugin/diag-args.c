// Plugin arguments: an unknown one is an error naming it and listing the
// valid ones; analyze-only and no-elide are accepted.
// REQUIRES: plugin
// RUN: not %clang %plugin_flags -fplugin-arg-autorc-bogus -I%autorc_include -fsyntax-only %s 2>&1 | FileCheck %s
// RUN: %clang %plugin_flags -fplugin-arg-autorc-analyze-only -fplugin-arg-autorc-no-elide -I%autorc_include -fsyntax-only %s
// CHECK: error: [autorc-args] unknown plugin argument 'bogus' (-fplugin-arg-autorc-bogus); valid arguments: emit=<path>, analyze-only, no-elide
#include <autorc.h>
int main(void) { return 0; }
