// An RC_WEAK local whose `const` the rewrite cannot delete -- spelled by a
// macro, or inside a typedef -- is an error naming the variable: the
// runtime sets the local to NULL when its object dies, which a const
// object may not see (before: a cleanup type mismatch on generated code).
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; int v; };
typedef struct node *const cref;
#define CONST const
struct node *make(void);

int locals(struct node *n) {
    RC_WEAK struct node *CONST a = n; // expected-error {{[autorc-unsupported] 'a' is an RC_WEAK local declared 'const' in a macro, which autorc cannot delete, but the runtime sets 'a' to NULL when its object dies; declare it without 'const'}}
    RC_WEAK cref b = n; // expected-error {{'b' is an RC_WEAK local declared 'const' through its type 'cref', which autorc cannot delete}}
    RC_WEAK const cref c = n; // expected-error {{'c' is an RC_WEAK local declared 'const' through its type}}
    return a->v + b->v + c->v;
}
