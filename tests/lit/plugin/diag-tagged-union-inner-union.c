// A store into a union that is itself a member of another union, where the
// inner union holds the RC_TAGGED member, is refused for what it is: the
// run-time tag check covers a union directly inside the struct that holds
// the tag (the type is refused too: [autorc-field]). Before the fix the
// reason given was wrong ("the struct that holds the union has no name the
// generated tag check can spell"; it has one).
// REQUIRES: plugin
// RUN: %cc %plugin_flags -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED obj { int id; };
enum { T_INT, T_OBJ };

struct value {
    int tag;
    union {
        long i;
        union {
            RC_TAGGED(tag, T_OBJ) struct obj *o;
            double d;
        } in; // expected-error {{[autorc-field] union member 'in' holds managed pointers}}
    } u;
};

void store(struct value *v, struct obj *o) {
    v->u.in.o = o; // expected-error {{[autorc-unsupported] a store to the RC_TAGGED union member 'o' cannot be counted: its union is a member of another union, and the tag check covers one union directly inside the struct that holds the tag}}
    v->u.in.d = 2.0; // expected-error {{[autorc-unsupported] a store to the member 'd' of a union holding RC_TAGGED members cannot be counted: its union is a member of another union}}
}
