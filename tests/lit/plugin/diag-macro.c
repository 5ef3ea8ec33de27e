// What stays refused of managed code inside macros: a user macro invoked in
// the .c file is expanded there and its expansion rewritten
// (run-macro-*.c), but a macro invoked in a header, or one whose body names
// the macro itself (the textual expansion would be expanded again), is an
// [autorc-macro] error that says why. Whole-expression macros and values
// passed through macro arguments are rewritten without expansion.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; };
struct node *make(void);
int use(struct node *n);
void set_next(struct node *a, struct node *b);

// expected-error@../../Inputs/macro-in-header.h:4 {{[autorc-macro] cannot insert reference counting for a store to a managed slot inside the expansion of macro 'SET_NEXT_H'; write the operation outside the macro body}}
// expected-note@../../Inputs/macro-in-header.h:4 {{autorc expands and rewrites a user macro invoked in the .c file, but not this one: it is invoked in a header, and only invocations in the .c file are expanded}}
#include "../../Inputs/macro-in-header.h"

// A wrapper macro named like the function it wraps.
#define set_next(a, b) ((a)->next = (b), set_next((a), (b)))
#define FIRST(n) ((n)->next)

// A constructor wrapper named like the function it wraps: rc_new inside it
// cannot be given its type descriptor.
struct node *node_init(struct node *fresh);
#define node_init() node_init(rc_new(struct node))

void macros(struct node *n, struct node *o) {
    set_next(n, o); // expected-error {{[autorc-macro] cannot insert reference counting for a store to a managed slot inside the expansion of macro 'set_next'; write the operation outside the macro body}} expected-note {{autorc expands and rewrites a user macro invoked in the .c file, but not this one: its body names the macro itself}}
    struct node *m = node_init(); // expected-error {{[autorc-macro] rc_new(struct node) inside another macro cannot be given its type descriptor; call rc_new directly}} expected-note {{but not this one: its body names the macro itself}}
    (void)m;
    struct node *f = FIRST(n);   // fine: the whole expansion is retained
    (void)f;
}
