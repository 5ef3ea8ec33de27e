// analyze-only: the warnings (and errors) are reported, the code is
// compiled unchanged (the emitted text is the user's own), so a lint job
// gets the diagnostics at the user's exact columns.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-analyze-only -Xclang -verify %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-analyze-only -fplugin-arg-autorc-emit=%t.c %s 2>/dev/null
// RUN: diff %s %t.c
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-analyze-only %s 2>&1 | FileCheck %s
#include <autorc.h>

struct RC_MANAGED obj { struct obj *ref; };

void seed(void) {
    struct obj *obj1 = rc_new(struct obj), *obj2 = rc_new(struct obj);
    obj1->ref = obj2; obj2->ref = obj1; // expected-warning {{[autorc-cycle]}} expected-note {{refers to}}
    // CHECK: analyze-only.c:[[@LINE-1]]:23: warning: this store closes a reference cycle 'obj2' -> 'obj1' -> 'obj2'
    // CHECK: analyze-only.c:[[@LINE-2]]:5: note: 'obj1' refers to 'obj2' here
}
