// [autorc-cycle]: one warning per strongly connected component of the type
// graph, however many cycles and links it has, with notes along one cycle;
// two independent components get one warning each.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

// One component {a, b, c} with four links and three cycles (a<->b, b<->c,
// a->b->c->a): one warning, at the back link, notes along one cycle.
struct RC_MANAGED a;
struct RC_MANAGED b;
struct RC_MANAGED c;
struct RC_MANAGED a { struct b *to_b; };     // expected-note {{the cycle goes on through strong field 'to_b' (struct a -> struct b)}}
struct RC_MANAGED b {
    struct c *to_c;
    struct a *back;                          // expected-warning {{strong field 'back' closes a reference cycle (struct b -> struct a -> struct b) that only the cycle collector frees; make the back link 'back' RC_WEAK}}
};
struct RC_MANAGED c {
    struct a *up_a;                          // expected-note {{and make the back link 'up_a' RC_WEAK too}}
    struct b *up_b;                          // expected-note {{and make the back link 'up_b' RC_WEAK too}}
};

// A second, independent component: its own warning.
struct RC_MANAGED p;
struct RC_MANAGED q { struct p *owner; };    // expected-warning {{make the back link 'owner' RC_WEAK}}
struct RC_MANAGED p { struct q *q; };        // expected-note {{the cycle goes on through strong field 'q'}}
