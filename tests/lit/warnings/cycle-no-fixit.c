// [autorc-cycle]: when nothing (no back-link name, no code creating one
// object and storing it in the other) singles out a back link, the warning
// has no fix-it and a note at each link says why it was not suggested; an
// rc_list or an array cannot be made weak at all.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// CHECK-NOT: fix-it:
#include <autorc.h>

struct RC_MANAGED house;
struct RC_MANAGED person {
    struct house *home; // expected-note {{the cycle goes on through strong field 'home' (struct person -> struct house); not suggested: 'home' has no back-link name, and no code here creates one of these objects and stores it in the other}}
};
struct RC_MANAGED house {
    struct person *resident; // expected-warning {{strong field 'resident' closes a reference cycle (struct house -> struct person -> struct house) that only the cycle collector frees; no fix-it, as the evidence does not single out a back link whose RC_WEAK breaks it (not suggested: 'resident' has no back-link name}}
};

// Containers and arrays on both sides: nothing could be made weak.
struct RC_MANAGED shelf;
struct RC_MANAGED book { struct shelf *on[2]; }; // expected-warning {{no fix-it}}
struct RC_MANAGED shelf { rc_list *books; }; // expected-note {{'books' is a container, whose references cannot be made weak}}
