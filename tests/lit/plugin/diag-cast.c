// A managed pointer converted to an integer or to void * would no longer be
// counted: an error. Passing one to the runtime's API (RC_OBJECT_ARG and
// other <autorc.h> parameters) is fine, and so are casts to void,
// conversions to bool and between managed pointer types.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdint.h>
#include <stdio.h>

struct RC_MANAGED node { struct node *next; };
void take_void(void *p);

void casts(struct node *n, rc_list *l) {
    uintptr_t bits = (uintptr_t)n; // expected-error {{[autorc-cast] managed pointer of type 'struct node *' converted to 'uintptr_t'}}
    void *v = n;                   // expected-error {{[autorc-cast] managed pointer of type 'struct node *' converted to 'void *'}}
    take_void(n);                  // expected-error {{[autorc-cast]}}
    printf("%p\n", (void *)n);     // expected-error {{[autorc-cast]}}
    rc_list_append(l, n);          // the runtime's API: fine
    printf("%zu\n", rc_getrefcount(n));
    (void)n;
    if (n && !n->next) {
    }
    (void)bits; (void)v;
}
