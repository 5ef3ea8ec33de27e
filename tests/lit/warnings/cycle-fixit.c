// [autorc-cycle] fix-its insert `RC_WEAK ` before the back link's
// declaration; none where the field shares its declaration with another
// (the message says to declare it on its own) or is an array.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED dnode {
    struct dnode *next; // expected-note {{'next'}}
    struct dnode *prev; // expected-warning {{RC_WEAK}}
};
// CHECK: fix-it:"{{.*}}cycle-fixit.c":{[[@LINE-2]]:5-[[@LINE-2]]:5}:"RC_WEAK "

struct RC_MANAGED pair {
    struct pair *fwd, *back; // expected-warning {{declare it on its own line to mark it}} expected-note {{'fwd'}}
};
// CHECK-NOT: fix-it:"{{.*}}":{[[@LINE-2]]:
