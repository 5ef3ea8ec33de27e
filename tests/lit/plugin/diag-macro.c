// A managed store or temporary produced inside a macro body cannot be
// rewritten (the plugin edits the user's text, not macro definitions): an
// error naming the macro. Managed values passed through a macro's
// arguments, and whole-expression macros, are rewritten normally.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; };
struct node *make(void);
int use(struct node *n);

#define SET_NEXT(a, b) ((a)->next = (b))
#define USE_NEW() use(make())
#define NEW_NODE() rc_new(struct node)
#define FIRST(n) ((n)->next)

void macros(struct node *n, struct node *o) {
    SET_NEXT(n, o); // expected-error {{[autorc-macro] cannot insert reference counting for a store to a managed slot inside the expansion of macro 'SET_NEXT'}}
    USE_NEW();      // expected-error {{[autorc-macro]}}
    struct node *m = NEW_NODE(); // expected-error {{[autorc-macro] rc_new(struct node) inside another macro}}
    struct node *f = FIRST(n);   // fine: the whole expansion is retained
    (void)m; (void)f;
}
