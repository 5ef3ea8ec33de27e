// What the plugin refuses about unions holding managed pointers, each with
// the way that works: a member without RC_TAGGED, an RC_TAGGED naming no
// field, a store into a tagged member through a pointer to the union, a
// compound store, increment or address of the tag (a plain `=` to the tag
// or to a member `v->u.o` is counted: run-tagged-union-tag-store.c,
// run-tagged-union-member-store.c) or a bit-field tag, a union copied on
// its own, a store into a part of a member or into a member of a holder
// that cannot be named.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED obj { int id; };
enum { T_INT, T_OBJ };

union bare {
    long i;
    struct obj *o; // expected-error {{[autorc-field] union member 'o' holds managed pointers, but nothing tells when it is the live member; annotate it RC_TAGGED(tag_field, value)}}
};

struct wrong {
    int kind;
    union {
        long i;
        RC_TAGGED(tag, T_OBJ) struct obj *o; // expected-error {{[autorc-field] RC_TAGGED(tag, ...) on 'o': the struct that holds the union has no field 'tag'}}
    } u;
};

struct value {
    int tag;
    union {
        long i;
        RC_TAGGED(tag, T_OBJ) struct obj *o;
    } u;
};

struct packed {
    unsigned tag : 2;
    union {
        long i;
        RC_TAGGED(tag, T_OBJ) struct obj *o;
    } u;
};

void bit_tag(struct packed *p) {
    p->tag = T_INT; // expected-error {{[autorc-unsupported] a store to the tag field 'tag' alone cannot be counted}}
}

// Through a pointer to the union, the struct holding the tag is unknown.
void via_union(__typeof__(((struct value *)0)->u) *pu, struct obj *o) {
    pu->o = o; // expected-error {{[autorc-unsupported] a store to the RC_TAGGED union member 'o' alone cannot be counted (the plugin cannot tell whether the old bits were a reference); assign the whole struct instead}}
}

void stores(struct value *v, struct obj *o) {
    v->u.o = o; // counted, the tag checked when it runs (run-tagged-union-member-store.c)
    v->tag = T_INT; // counted
    v->tag += 1; // expected-error {{[autorc-unsupported] a store to the tag field 'tag' alone cannot be counted}}
    v->tag++; // expected-error {{[autorc-unsupported] a store to the tag field 'tag' alone cannot be counted}}
    int *t = &v->tag; // expected-error {{[autorc-unsupported] the address of the tag field 'tag' alone cannot be counted}}
    (void)t;
    struct obj **p = &v->u.o; // expected-error {{[autorc-unsupported] the address of the RC_TAGGED union member 'o' alone cannot be counted}}
    (void)p;
    struct value w = *v;
    w.u = v->u; // expected-error {{[autorc-memcpy] assignment of a union holding managed pointers by value cannot be counted; assign the whole struct that holds the union and its tag}}
    *v = (struct value){.tag = T_OBJ, .u.o = o}; // the way that works
}

// The run-time check covers whole members of a named holder: a store into
// a part of a member, or into a member of a holder of an unnamed struct
// type, could overwrite a live reference's bits unseen (before: accepted,
// and the next tag store released those bits as a pointer).
struct pt { long x, y; };
struct wide {
    int tag;
    union {
        struct pt pt;
        long arr[2];
        RC_TAGGED(tag, T_OBJ) struct obj *o;
    } u;
};
struct list { struct { int tag; union { long i; RC_TAGGED(tag, T_OBJ) struct obj *o; } u; } head; };

void parts(struct wide *w, struct list *l) {
    w->u.pt.x = 1; // expected-error {{[autorc-unsupported] a store to a part of the member 'pt' of a union holding RC_TAGGED members alone cannot be counted}}
    w->u.arr[0] = 1; // expected-error {{[autorc-unsupported] a store to a part of the member 'arr' of a union holding RC_TAGGED members alone cannot be counted}}
    w->u.arr[1]++; // expected-error {{[autorc-unsupported] a store to a part of the member 'arr'}}
    l->head.u.i = 1; // expected-error {{[autorc-unsupported] a store to the member 'i' of a union holding RC_TAGGED members alone cannot be counted}}
    w->u.pt = (struct pt){1, 2}; // a whole member: checked when it runs
    long y = w->u.pt.y + w->u.arr[1]; // reads are fine
    (void)y;
}
