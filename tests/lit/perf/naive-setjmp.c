// The naive mode pins every managed parameter, except in a function that
// calls setjmp (pinning would make it an [autorc-setjmp] error, which the
// default mode does not give for a function without managed locals).
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only %s
// RUN: %clang %plugin_flags -fplugin-arg-autorc-no-elide -I%autorc_include -fsyntax-only %s
// RUN: %clang %plugin_flags -fplugin-arg-autorc-no-elide -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
#include <autorc.h>
#include <setjmp.h>

struct RC_MANAGED node { struct node *next; };
static jmp_buf env;

int guarded(struct node *n) {
    if (setjmp(env))
        return -1;
    return n->next != NULL;
}
// CHECK: {{^ *}}int guarded(struct node *n) {
// CHECK-NOT: rc__pin_n
// CHECK: {{^ *}}return n->next != NULL;
