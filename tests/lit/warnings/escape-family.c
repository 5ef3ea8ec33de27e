// The escape family: the plugin's errors (a managed pointer to void *, an
// integer to a managed pointer, a weak field in a plain struct, free(), memcpy) sit next to
// the [autorc-escape] warning, each once; none is repeated as a warning.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct RC_MANAGED node { struct node *next; };
struct box { RC_WEAK struct node *n; }; // expected-error {{[autorc-field] RC_WEAK field 'n' in non-managed 'struct box'}}

void family(struct node *n, struct node *m) {
    uintptr_t bits = (uintptr_t)n; // an address read: no diagnostic
    struct node *back = (struct node *)bits; // expected-error {{[autorc-cast]}}
    void *anon = n;                // expected-error {{[autorc-cast]}}
    char *bytes = (char *)n;       // expected-warning {{[autorc-escape]}}
    free(n);                       // expected-error {{[autorc-free]}}
    memset(n, 1, sizeof *n);       // expected-error {{[autorc-memcpy]}} (a fill: only zero is counted)
    (void)bits; (void)back; (void)anon; (void)bytes;
}
