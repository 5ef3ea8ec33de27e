// Editors: warnings print as `file:line:col: warning: ... [autorc-<name>]`
// with notes, at the user's line and column even where the rewritten text
// that is compiled has moved the code (the caret line is the user's).
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace
#include <autorc.h>

struct RC_MANAGED obj { struct obj *ref; };

int main(void) {
    struct obj *obj1 = rc_new(struct obj);
    struct obj *obj2 = rc_new(struct obj);
    obj1->ref = obj2; obj2->ref = obj1;
    // CHECK: columns.c:[[@LINE-1]]:23: warning: this store closes a reference cycle 'obj2' -> 'obj1' -> 'obj2': {{.*}} [autorc-cycle]{{$}}
    // CHECK-NEXT: {{^( *[0-9]+ \| )?}}    obj1->ref = obj2; obj2->ref = obj1;{{$}}
    // CHECK-NEXT: {{^( *\| )?}}                      ^{{$}}
    // CHECK: columns.c:[[@LINE-4]]:5: note: 'obj1' refers to 'obj2' here
    return 0;
}
