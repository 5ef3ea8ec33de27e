// [autorc-cycle], type level: strong fields that link two ways are warned
// at the back link, with a note at the other end of the cycle; a plain
// list or tree type is not; RC_WEAK, RC_UNOWNED and RC_ACYCLIC silence.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

// next/prev: two self links, one named as a back link.
struct RC_MANAGED dnode {
    struct dnode *next; // expected-note {{the cycle goes on through strong field 'next' (struct dnode -> struct dnode)}}
    struct dnode *prev; // expected-warning {{strong fields 'next' and 'prev' link struct dnode objects both ways}}
};

// parent/children in a fixed array: the array is the forward link.
struct RC_MANAGED tnode {
    struct tnode *children[4]; // expected-note {{strong field 'children'}}
    struct tnode *parent;      // expected-warning {{make the back link 'parent' RC_WEAK}}
};

// a -> b -> a across two types, no telling names: warned where the
// evidence is weakest against (the link from the later type back to the
// earlier one), without a fix-it (cycle-no-fixit.c).
struct RC_MANAGED house;
struct RC_MANAGED person {
    struct house *home; // expected-note {{the cycle goes on through strong field 'home' (struct person -> struct house)}}
};
struct RC_MANAGED house {
    struct person *resident; // expected-warning {{strong field 'resident' closes a reference cycle (struct house -> struct person -> struct house)}}
};

// Three types in a ring.
struct RC_MANAGED ra;
struct RC_MANAGED rb;
struct RC_MANAGED rc { struct ra *a; }; // expected-note {{(struct rc -> struct ra)}}
struct RC_MANAGED ra { struct rb *b; }; // expected-note {{(struct ra -> struct rb)}}
struct RC_MANAGED rb { struct rc *c; }; // expected-warning {{strong field 'c' closes a reference cycle (struct rb -> struct rc -> struct ra -> struct rb)}}

// Children in an rc_list, a strong parent link back.
struct RC_MANAGED widget {
    rc_list *children;     // expected-note {{and strong field 'children' (struct widget -> rc_list -> struct widget), which may hold struct widget objects (its name says so)}}
    struct widget *parent; // expected-warning {{strong fields 'children' and 'parent' link struct widget objects both ways, a reference cycle that only the cycle collector frees; make the back link 'parent' RC_WEAK (the name 'parent' says it links back)}}
};

// Not warned: a singly linked list, a binary tree, an upward-only chain.
struct RC_MANAGED list { struct list *next; int v; };
struct RC_MANAGED bintree { struct bintree *left, *right; };
struct RC_MANAGED scope { struct scope *parent; };

// Not warned: the back link is RC_WEAK or RC_UNOWNED.
struct RC_MANAGED wnode { struct wnode *next; RC_WEAK struct wnode *prev; };
struct RC_MANAGED unode { struct unode *kids[2]; RC_UNOWNED struct unode *parent; };
struct RC_MANAGED own;
struct RC_MANAGED pet { RC_WEAK struct own *owner; };
struct RC_MANAGED own { struct pet *pet; };

// Not warned: an RC_ACYCLIC type takes no part in cycles.
struct RC_MANAGED RC_ACYCLIC leafy;
struct RC_MANAGED branchy { struct leafy *leaf; };
struct RC_MANAGED RC_ACYCLIC leafy { struct branchy *back; };
