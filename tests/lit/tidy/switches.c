// The clang-tidy module's switches are clang-tidy's own: -checks picks the
// autorc checks, -warnings-as-errors promotes them, NOLINT silences a line;
// RC_NOWARN works as with the plugin (tested in suppress.c).
// REQUIRES: tidy
// RUN: %clang_tidy -checks='-*,autorc-*' %S/../warnings/switches.c -- -I%autorc_include 2>&1 | %python %S/Inputs/verify_tidy.py %S/../warnings/switches.c --prefix cyc,glob
// RUN: %clang_tidy -checks='-*,autorc-global' %s -- -I%autorc_include 2>&1 | FileCheck %s --check-prefix=ONLY
// RUN: not %clang_tidy -checks='-*,autorc-*' -warnings-as-errors='autorc-cycle' %s -- -I%autorc_include 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: %clang_tidy -list-checks -checks='-*,autorc-*' | FileCheck %s --check-prefix=LIST
// LIST: autorc-cycle
// LIST: autorc-errors
// LIST: autorc-escape
// LIST: autorc-global
#include <autorc.h>

struct RC_MANAGED obj { struct obj *ref; };
struct obj *keep;
// ONLY: switches.c:[[@LINE-1]]:13: warning: global 'keep' {{.*}} [autorc-global]
// ERR: switches.c:[[@LINE-2]]:13: warning: global 'keep' {{.*}} [autorc-global]
struct obj *quiet; // NOLINT(autorc-global)
// ONLY-NOT: 'quiet'

void seed(struct obj *a, struct obj *b) {
    a->ref = b;
    b->ref = a;
    // ONLY-NOT: [autorc-cycle]
    // ERR: switches.c:[[@LINE-2]]:5: error: this store closes a reference cycle {{.*}} [autorc-cycle,-warnings-as-errors]
    keep = a;
}
