// A container named for children (`children`, `kids`) holds objects of its
// owner's own kind: a shape's children are shapes. Without stores into it
// in the file (they are in another file of the program), the name alone
// made it "hold" every managed type of the file, here the scene that owns
// the root shape, and a reference cycle scene -> shape -> scene was
// reported that no program could build. Generic element names (`nodes`,
// `elements`) still hold any type; a back-link-named field still closes
// the cycle through a list of another type (cycle-type.c).
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED shape {
    rc_list *children;
    RC_WEAK struct shape *parent;
};
struct RC_MANAGED scene {
    struct shape *root;
    rc_dict *by_name;
};

struct RC_MANAGED graph;
struct RC_MANAGED vertex {
    struct graph *g;   // expected-warning {{strong field 'g' closes a reference cycle (struct vertex -> struct graph -> rc_list -> struct vertex)}}
};
struct RC_MANAGED graph {
    rc_list *nodes;   // expected-note {{and strong field 'nodes' (struct graph -> rc_list -> struct vertex), which may hold struct vertex objects (its name says so)}}
};
