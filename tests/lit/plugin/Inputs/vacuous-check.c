// For checks-not-vacuous.test: the directive below matches its own line in
// the emitted text, whatever the rewrite does to `use(p)`.
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
#include <autorc.h>
struct RC_MANAGED node { struct node *next; };
void use(struct node *p);
void f(struct node *p) { use(p); }
// CHECK: rc__retain(p)
