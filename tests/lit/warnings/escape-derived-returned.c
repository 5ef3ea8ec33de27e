// [autorc-escape]: a function returns a pointer into an object that dies as
// it returns -- `return rc_str_cstr(s);` for a local s that holds the only
// reference to a new string (what the +1-temporary warning's advice, "hold
// the object in a local first", led a user to write), or the address of a
// field of such an object. The caller read a freed block, reused by its next
// string, with no diagnostic (ASan: use after poison).
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED rec { int n; char name[16]; struct rec *next; };
int rec_len(struct rec *r);
extern struct rec *registry;

const char *label(int n) {
    rc_str *s = rc_str_format("item-%d", n);
    printf("%zu\n", rc_str_len(s));
    return rc_str_cstr(s); // expected-warning {{the pointer rc_str_cstr() derives from 's' is returned, but 's' is released as the function returns: the caller gets a pointer into freed memory; return the object itself (a managed pointer) or a copy of the bytes}}
}

int *counter(void) {
    struct rec *r = rc_new(struct rec);
    r->n = 1;
    return &r->n; // expected-warning {{the address of its field 'n' in 'r' is returned}}
}

char *name_of_new(void) {
    struct rec *r = rc_new(struct rec);
    return r->name; // expected-warning {{the address of its field 'name' in 'r' is returned}}
}

// Fine: the object has another reference (stored, passed to a function
// that may keep it, a parameter the caller holds), or the result is a
// value read from the object, not a pointer into it.
const char *kept(rc_str *param, int n) {
    struct rec *r = rc_new(struct rec);
    r->next = registry;
    registry = r;
    if (n == 1)
        return r->name;
    rc_str *s = rc_str_format("%d", n);
    rec_len(r);
    if (n == 2)
        return rc_str_cstr(param);
    struct rec *q = rc_new(struct rec);
    rec_len(q);
    if (n == 3)
        return q->name;
    (void)s;
    return NULL;
}

int value(void) {
    struct rec *r = rc_new(struct rec);
    return r->n;
}

RC_NOWARN(escape) const char *silenced(void) {
    rc_str *s = rc_str_new("x");
    return rc_str_cstr(s);
}
