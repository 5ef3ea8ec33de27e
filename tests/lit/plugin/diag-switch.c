// A case label after a strong local declared directly in the switch body
// would jump past its initialisation (and the cleanup that releases it):
// an error asking for braces. Braced cases are fine.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; };
struct node *make(void);

int unbraced(int k) {
    switch (k) {
    case 0:;
        struct node *n = make();
        (void)n;
        break;
    case 1: // expected-error {{[autorc-unsupported] this case label jumps past the strong managed local 'n'}}
        return 1;
    }
    return 0;
}

int braced(int k) {
    switch (k) {
    case 0: {
        struct node *n = make();
        (void)n;
        break;
    }
    case 1:
        return 1;
    }
    return 0;
}
