// autorc-errors: the plugin's errors, found by the plugin's own analysis
// inside clang-tidy, on the plugin's test input: the escape family's
// errors next to the [autorc-escape] warning, each on its line (global.c
// shows an [autorc-field] error next to [autorc-global] warnings).
// REQUIRES: tidy
// RUN: not %clang_tidy -checks='-*,autorc-*' %S/../warnings/escape-family.c -- -I%autorc_include 2>&1 | %python %S/Inputs/verify_tidy.py %S/../warnings/escape-family.c --errors
// Only autorc-errors: the warnings stay off.
// RUN: not %clang_tidy -checks='-*,autorc-errors' %S/../warnings/escape-family.c -- -I%autorc_include 2>&1 | FileCheck %s
// CHECK-NOT: [autorc-escape]
// CHECK: escape-family.c:12:{{[0-9]+}}: error: [autorc-field] RC_WEAK field 'n' in non-managed 'struct box'{{.*}} [autorc-errors]
// CHECK-NOT: [autorc-escape]
