// What the plugin refuses about unions holding managed pointers, each with
// what is wrong and the way that works: a member without RC_TAGGED, an
// RC_TAGGED naming no field, a store into a member that no run-time tag
// check can cover (through a pointer to the union, in a holder that cannot
// be spelled), a compound store or increment of the tag or of a tagged
// reference, the address of the tag or of a tagged member, a bit-field tag,
// a union copied on its own. (A plain `=` to the tag and stores to members
// and their parts are counted: run-tagged-union-tag-store.c,
// run-tagged-union-member-store.c, run-tagged-union-part-store.c.)
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
    p->tag = T_INT; // expected-error {{[autorc-unsupported] a store to the bit-field tag field 'tag' cannot be counted: the counted store needs the tag's address; make the tag an ordinary field, or assign the whole struct, e.g. 'v = (struct value){.tag = T, .u.member = x}'}}
}

// Through a pointer to the union, the struct holding the tag is unknown.
void via_union(__typeof__(((struct value *)0)->u) *pu, struct obj *o) {
    pu->o = o; // expected-error {{[autorc-unsupported] a store to the RC_TAGGED union member 'o' cannot be counted: the run-time tag check needs the struct that holds the union and its tag; store through that struct ('v->u.member = x'), or assign the whole struct}}
}

void stores(struct value *v, struct obj *o) {
    v->u.o = o; // counted, the tag checked when it runs (run-tagged-union-member-store.c)
    v->tag = T_INT; // counted
    v->tag += 1; // expected-error {{[autorc-unsupported] a compound store to the tag field 'tag' cannot be counted: only a plain '=' to the tag is counted (it releases the members the old tag made live); write 'v->tag = new value'}}
    v->tag++; // expected-error {{[autorc-unsupported] a compound store to the tag field 'tag' cannot be counted: only a plain '=' to the tag is counted}}
    int *t = &v->tag; // expected-error {{[autorc-unsupported] the address of the tag field 'tag' cannot be counted: stores through it would not release the members the old tag made live; assign the tag itself ('v->tag = x')}}
    (void)t;
    struct obj **p = &v->u.o; // expected-error {{[autorc-unsupported] the address of the RC_TAGGED union member 'o' cannot be counted: stores through the address would not be seen, and the old bits may be a live reference; store to the member itself}}
    (void)p;
    struct value w = *v;
    w.u = v->u; // expected-error {{[autorc-memcpy] assignment of a union holding managed pointers by value cannot be counted; assign the whole struct that holds the union and its tag}}
    *v = (struct value){.tag = T_OBJ, .u.o = o}; // the way that works
}

// The run-time check finds the tag through the struct holding the union:
// one reached through a pointer to the union, or one whose type cannot be
// spelled in the generated check, has none (parts of members and members
// of an unnamed struct that is a named field's type are checked:
// run-tagged-union-part-store.c, run-tagged-union-unnamed-holder.c).
struct pt { long x, y; };
struct wide {
    int tag;
    union {
        struct pt pt;
        long arr[2];
        RC_TAGGED(tag, T_OBJ) struct obj *o;
    } u;
};
static struct { int tag; union { long i; RC_TAGGED(tag, T_OBJ) struct obj *o; } u; } *anon;

void parts(struct wide *w, __typeof__(((struct wide *)0)->u) *pu) {
    pu->arr[0] = 1; // expected-error {{[autorc-unsupported] a store to a part of the member 'arr' of a union holding RC_TAGGED members cannot be counted: the run-time tag check needs the struct that holds the union}}
    anon->u.i = 1; // expected-error {{[autorc-unsupported] a store to the member 'i' of a union holding RC_TAGGED members cannot be counted: the struct that holds the union has no name the generated tag check can spell; give it a tag or a typedef name}}
    w->u.o++; // expected-error {{[autorc-unsupported] a store to the RC_TAGGED union member 'o' cannot be counted: a reference cannot be computed from the old one; store a pointer with a plain '='}}
    w->u.pt.x = 1; // a part of a member: checked when it runs
    w->u.arr[1]++;
    long y = w->u.pt.y + w->u.arr[1]; // reads are fine
    (void)y;
}
