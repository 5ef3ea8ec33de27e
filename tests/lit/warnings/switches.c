// Warning control: -fplugin-arg-autorc-Wno-<name> turns a warning off,
// Werror=<name> makes it an error, Werror makes all of them errors,
// Wno-error=<name> exempts one; clang's own -Werror and -w are followed.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify=cyc,glob %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-Wno-cycle -Xclang -verify=glob %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-Wno-all -Xclang -verify=none %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-Wno-all -fplugin-arg-autorc-Wglobal -Xclang -verify=glob %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-Werror=cycle -Xclang -verify=cycerr,glob %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-Werror -Xclang -verify=cycerr,globerr %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Werror -Xclang -verify=cycerr,globerr %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Werror -fplugin-arg-autorc-Wno-error=global -Xclang -verify=cycerr,glob %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -w -Xclang -verify=none %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -w -fplugin-arg-autorc-Werror -Xclang -verify=none %s
// Unknown names are errors that list the valid ones.
// RUN: not %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-Wno-cycles %s 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-Werror=leaks %s 2>&1 | FileCheck %s --check-prefix=BAD2
// BAD: error: [autorc-args] unknown autorc warning 'cycles' in -fplugin-arg-autorc-Wno-cycles; valid names: cycle, global, escape, all
// BAD2: error: [autorc-args] unknown autorc warning 'leaks' in -fplugin-arg-autorc-Werror=leaks; valid names: cycle, global, escape, all
// none-no-diagnostics
#include <autorc.h>

struct RC_MANAGED obj { struct obj *ref; };

struct obj *keep; // glob-warning {{[autorc-global]}} globerr-error {{[autorc-global]}}

void seed(struct obj *a, struct obj *b) {
    a->ref = b; // cyc-note {{refers to}} cycerr-note {{refers to}}
    b->ref = a; // cyc-warning {{[autorc-cycle]}} cycerr-error {{[autorc-cycle]}}
    keep = a;   // glob-note {{stored to here}} globerr-note {{stored to here}}
}
