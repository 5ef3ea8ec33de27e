// What the generator pass refuses, each with an [autorc-generator] error
// at the user's line (docs/diagnostics.md).
// REQUIRES: plugin
// The original text, compiled after the refusal, also warns that the
// generators return no value: -Wno-return-type.
// RUN: %cc %plugin_flags -Wno-return-type -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node {
    struct node *next;
};

// expected-error@../../Inputs/generator-in-header.h:3 {{[autorc-generator] a generator must be defined in the file being compiled, not in a header: the plugin lowers the main file only}}
#include "../../Inputs/generator-in-header.h"

RC_GENERATOR(int) int *not_a_gen(void) { // expected-error {{[autorc-generator] an RC_GENERATOR function must return 'rc_gen *'}}
    return 0;
}

struct opaque;
RC_GENERATOR(struct opaque) rc_gen *incomplete_yield(void) { // expected-error {{[autorc-generator] RC_GENERATOR(T) needs a complete object type T}}
}

RC_GENERATOR(int) rc_gen *vla(int n) {
    int a[n]; // expected-error {{[autorc-generator] 'a' is a variable-length array that lives across rc_yield}}
    a[0] = 1;
    rc_yield(a[0]);
}

RC_GENERATOR(int) rc_gen *local_type(void) {
    struct point { int x, y; } p = {1, 2}; // expected-error {{[autorc-generator] 'p' lives across rc_yield, so it moves into the generator object, but its type is declared inside the function}}
    rc_yield(p.x);
}

RC_GENERATOR(int) rc_gen *array_init(void) {
    int a[2] = {1, 2}; // expected-error {{[autorc-generator] 'a' is an array with an initialiser that lives across rc_yield}}
    rc_yield(a[1]);
}

RC_GENERATOR(int) rc_gen *weak_local(struct node *n) {
    RC_WEAK struct node *w = n; // expected-error {{[autorc-generator] 'w' is an RC_WEAK or RC_UNOWNED local that lives across rc_yield}}
    rc_yield(w != 0);
}

RC_GENERATOR(int) rc_gen *managed_array(void) {
    struct node *two[2] = {0}; // expected-error {{'two' is an array with an initialiser}}
    struct node *three[3]; // expected-error {{[autorc-generator] 'three' holds managed pointers in an array or a struct and lives across rc_yield}}
    rc_yield(two[0] == three[0]);
}

#define EMIT(x) rc_yield(x)
RC_GENERATOR(int) rc_gen *in_macro(void) {
    EMIT(1); // expected-error {{[autorc-generator] rc_yield inside a macro cannot be rewritten}}
}

#define TWICE(v) ((v) + (k))
RC_GENERATOR(int) rc_gen *macro_body_use(void) {
    int k = 1;
    rc_yield(TWICE(k)); // expected-error {{[autorc-generator] 'k' lives across rc_yield, so it moves into the generator object, and is used inside a macro's body here}}
}

RC_GENERATOR(int) rc_gen *in_stmt_expr(void) {
    int x = ({ rc_yield(1); 2; }); // expected-error {{[autorc-generator] rc_yield inside a statement expression}}
    (void)x;
}

int plain(void) {
    rc_yield(3); // expected-error {{[autorc-generator] rc_yield outside an RC_GENERATOR function}}
    return 0;
}
