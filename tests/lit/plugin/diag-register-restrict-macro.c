// A `register` or `restrict` the rewrite cannot delete -- spelled by a
// macro, or a restrict that comes with a typedef -- on a managed local or
// parameter whose address the counting takes is an error naming the
// variable (before: clang's "address of register variable requested" or a
// cleanup type mismatch on generated code). Where nothing takes the
// address (a borrowed parameter), the keyword is fine.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; int v; };
typedef struct node *restrict rnode;
#define REG register
#define RESTRICT restrict
struct node *make(void);

int borrowed(rnode a, struct node *RESTRICT b) { return a->v + b->v; }

void locals(void) {
    REG struct node *p = make(); // expected-error {{[autorc-unsupported] 'p' is declared 'register' in a macro, which autorc cannot delete, but counting 'p' takes its address; declare it without 'register'}}
    struct node *RESTRICT q = make(); // expected-error {{'q' is declared 'restrict' in a macro, which autorc cannot delete, but counting 'q' takes its address; declare it without 'restrict'}}
    rnode r = make(); // expected-error {{'r' is declared 'restrict' through its type 'rnode', which autorc cannot delete, but counting 'r' takes its address}}
    p->v = q->v + r->v;
}

void pinned(rnode n) { // expected-error {{'n' is declared 'restrict' through its type 'rnode', which autorc cannot delete, but counting 'n' takes its address}}
    n = make();
}
