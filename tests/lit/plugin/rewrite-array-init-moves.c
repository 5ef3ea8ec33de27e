// A local's last use inside an array of managed pointers' brace list is
// moved, as in a struct's brace list: an owned parameter of a call in an
// element takes the local's reference (no retain), and so does a bare
// element. A local named again later in the function is retained.
// (Found by the fuzzer: the array path planned no moves at all.)
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Werror %s
#include <autorc.h>

struct RC_MANAGED obj { int id; };
static struct obj *keep(struct obj *p) { return p; } // p is owned (returned)

void owned_param(void) { struct obj *x = rc_new(struct obj); struct obj *v[2] = { 0, keep(x) }; }
// CHECK: {{^[^/].*}}void owned_param(void) {{.*}} struct obj *v[2] __attribute__((cleanup(rc__drop_arr_2))) = { 0, keep(rc__move(&(x))) }; }

void bare_element(void) { struct obj *x = rc_new(struct obj); struct obj *v[2] = { x, 0 }; }
// CHECK: {{^}}void bare_element(void) {{.*}} struct obj *v[2] __attribute__((cleanup(rc__drop_arr_2))) = { rc__move(&(x)), 0 }; }

int used_later(void) { struct obj *x = rc_new(struct obj); struct obj *v[2] = { keep(x), 0 }; return x->id; }
// CHECK: {{^}}int used_later(void) {{.*}} = { keep(rc__retain(x)), 0 }; return x->id; }
