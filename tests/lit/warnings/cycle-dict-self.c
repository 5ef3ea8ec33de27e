// [autorc-cycle], instance level, through rc_dict: <autorc.h> declares
// rc_dict_set RC_STORES(0, 1) RC_STORES(0, 2), so a dict stored into itself
// (as a key or a value) and an object stored into a dict it holds are
// reference cycles, like the same stores into an rc_list.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED obj { rc_dict *attrs; };

void dict_holds_itself(rc_str *key) {
    rc_dict *d = rc_dict_new();
    rc_dict_set(d, key, d); // expected-warning {{this store makes 'd' refer to itself, a reference cycle only the cycle collector frees}}
}

void dict_key_is_itself(rc_str *value) {
    rc_dict *d = rc_dict_new();
    rc_dict_set(d, d, value); // expected-warning {{this store makes 'd' refer to itself}}
}

void object_in_its_own_dict(rc_str *key) {
    struct obj *o = rc_new(struct obj);
    o->attrs = rc_dict_new();
    rc_dict_set(o->attrs, key, o); // expected-warning {{this store makes 'o' refer to itself}}
}

// Cleared before the end (RC_CLEARS(0)): the function breaks the cycle
// itself, nothing to report.
void cleared(rc_str *key) {
    rc_dict *d = rc_dict_new();
    rc_dict_set(d, key, d);
    rc_dict_clear(d);
}
