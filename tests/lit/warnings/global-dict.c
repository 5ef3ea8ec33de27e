// [autorc-global] knows the runtime's containers through <autorc.h>'s
// annotations (RC_STORES, RC_CLEARS), not by name: a global rc_dict that
// rc_dict_set fills keeps its keys and values alive (a note at each such
// store), and one the file empties with rc_dict_clear is not warned.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; int v; };

rc_dict *registry; // expected-warning {{global 'registry' keeps the managed objects it refers to alive until the program exits}}

void remember(rc_str *name, struct node *n) {
    rc_dict_set(registry, name, n); // expected-note {{'registry' is stored to here}}
}

rc_dict *scratch; // cleared below: the program manages it by hand

void fill(rc_str *name, struct node *n) {
    rc_dict_set(scratch, name, n);
}

void done(void) { rc_dict_clear(scratch); }
