// rc_incref/rc_decref written by hand in code the plugin counts are errors:
// the plugin already counts every managed slot (RC_UNOWNED ones are read
// into counted temporaries), so a hand-written release is a double release
// and a hand-written retain is released again at the end of its full
// expression. rc_decref of a `void *` (a reference taken outside the
// plugin's view) stays the programmer's; with analyze-only the code is
// compiled as written, so counting by hand is allowed there.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -fplugin-arg-autorc-Wno-global -I%autorc_include -fsyntax-only -Xclang -verify %s
// RUN: %clang %plugin_flags -fplugin-arg-autorc-Wno-global -fplugin-arg-autorc-analyze-only -I%autorc_include -fsyntax-only -Xclang -verify=by-hand %s
// by-hand-no-diagnostics
#include <autorc.h>

struct RC_MANAGED node { struct node *next; RC_UNOWNED struct node *peer; int v; };
struct node *make(void);
static struct node *global;

void by_hand(struct node *param, void *opaque) {
    struct node *a = make();
    rc_decref(a);            // expected-error {{[autorc-manual] rc_decref() of a managed pointer in code the plugin counts: the plugin already releases it, so this would release it twice; drop the call (assign NULL to a local or field to release it early), or compile code that counts by hand without the plugin}}
    rc_decref(make());       // expected-error {{[autorc-manual] rc_decref()}}
    rc_decref(a->next);      // expected-error {{[autorc-manual] rc_decref()}}
    rc_decref(global);       // expected-error {{[autorc-manual] rc_decref()}}
    rc_decref(a->peer);      // expected-error {{[autorc-manual] rc_decref()}}
    rc_incref(param);        // expected-error {{[autorc-manual] rc_incref() in code the plugin counts keeps nothing alive: its +1 result is released at the end of the full expression}}
    a->next = rc_incref(param); // expected-error {{[autorc-manual] rc_incref()}}
    (void)(rc_incref)(a);    // expected-error {{[autorc-manual] rc_incref()}}
    rc_incref(a->peer);      // expected-error {{[autorc-manual] rc_incref()}}
    void *p = rc_incref(opaque); // expected-error {{[autorc-manual] rc_incref()}}
    (void)p;
    rc_decref(opaque);       // a void * held by hand
}
