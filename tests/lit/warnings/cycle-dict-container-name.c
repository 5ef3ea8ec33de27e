// A cycle through an rc_dict field names the dict: the notes spelled every
// container "rc_list" (`'by_key' (struct owner -> rc_list -> struct item)`),
// which sent the reader looking for a list the program does not have.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED owner;
struct RC_MANAGED item {
    struct owner *owner; // expected-warning {{make the back link 'owner' RC_WEAK}}
};
struct RC_MANAGED owner {
    rc_dict *by_key; // expected-note {{'by_key' (struct owner -> rc_dict -> struct item)}}
};

void add(struct owner *o, rc_str *key) {
    struct item *i = rc_new(struct item);
    i->owner = o;
    rc_dict_set(o->by_key, key, i);
}
