// [autorc-cycle], names as evidence: an ordinal word that qualifies another
// ('prev_version': the version before this one) names an older object, not
// the holder, so it is no back link unless the struct has the forward
// partner ('prev_sibling' with 'next_sibling'). A persistent list's cells
// point only to older cells: no warning.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED pcell {
    struct pcell *next;
    struct pcell *prev_version;
    int v;
};

struct RC_MANAGED sib {
    struct sib *next_sibling; // expected-note {{the cycle goes on through strong field 'next_sibling'}}
    struct sib *prev_sibling; // expected-warning {{strong fields 'next_sibling' and 'prev_sibling' link struct sib objects both ways}}
};

struct RC_MANAGED dnode {
    struct dnode *next; // expected-note {{the cycle goes on through strong field 'next'}}
    struct dnode *prev; // expected-warning {{strong fields 'next' and 'prev' link struct dnode objects both ways}}
};
