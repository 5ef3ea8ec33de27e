// RC_NOWARN(name) silences warning <name> at one declaration and inside
// it: a field, a struct, a global, a function, a local. RC_NOWARN(all)
// silences every autorc warning there. Other sites still warn.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

// On the back-link field.
struct RC_MANAGED dnode {
    struct dnode *next;
    RC_NOWARN(cycle) struct dnode *prev;
};

// On the struct.
struct RC_MANAGED RC_NOWARN(cycle) tnode {
    struct tnode *kids[2];
    struct tnode *parent;
};

// A suppressed edge is not replaced by another edge of the same cycle.
struct RC_MANAGED house;
struct RC_MANAGED person { struct house *home; };
struct RC_MANAGED house { RC_NOWARN(cycle) struct person *resident; };

// The wrong name does not silence.
struct RC_MANAGED xnode {
    struct xnode *next; // expected-note {{'next'}}
    RC_NOWARN(global) struct xnode *prev; // expected-warning {{[autorc-cycle]}}
};

// On globals and static locals.
RC_NOWARN(global) struct dnode *the_list;
struct dnode *other; // expected-warning {{[autorc-global]}}
struct dnode *all_off RC_NOWARN(all);

// On a function: its cycles and escapes.
RC_NOWARN(cycle) void link_both(struct dnode *a, struct dnode *b) {
    a->next = b;
    b->next = a;
    the_list = a; other = b; all_off = a; // expected-note {{'other' is stored to here}}
}
RC_NOWARN(escape) char *bytes(struct dnode *a) { return (char *)a; }
RC_NOWARN(all) char *both(struct dnode *a) { a->next = a; return (char *)a; }
char *loud(struct dnode *a) { return (char *)a; } // expected-warning {{[autorc-escape]}}

// On a local: cycles through that object.
void local(struct dnode *b) {
    RC_NOWARN(cycle) struct dnode *a = rc_new(struct dnode);
    a->next = b;
    b->next = a;
}
