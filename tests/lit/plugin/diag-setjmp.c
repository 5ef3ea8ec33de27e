// setjmp in a function with strong managed locals: a longjmp back would
// skip their releases, so it is an error. setjmp elsewhere is fine.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <setjmp.h>

struct RC_MANAGED node { struct node *next; };
struct node *make(void);
static jmp_buf env;

int with_locals(void) {
    struct node *n = make();
    if (setjmp(env)) // expected-error {{[autorc-setjmp] setjmp in a function with strong managed locals}}
        return 1;
    (void)n;
    return 0;
}

int without_locals(void) {
    if (setjmp(env))
        return 1;
    return 0;
}
