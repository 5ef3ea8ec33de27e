// [autorc-escape]: a plain struct returned by value (or stored where it
// outlives the function) holding a pointer into an object that dies as the
// function returns: `struct label l = { rc_str_cstr(s), id }; return l;`
// for s a local that holds the only reference to a new string. u9's
// probe_outparam.c printed "lbl-5" from freed memory in pool mode (ASan:
// heap-use-after-free) and got no warning.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <string.h>

struct label { const char *text; int id; };
struct pair { struct label a, b; };
struct RC_MANAGED rec { int n; char name[16]; };

struct label make_label(int id) {
    rc_str *s = rc_str_format("lbl-%d", id);
    struct label l = { rc_str_cstr(s), id }; // expected-note {{field 'text' gets the pointer here}}
    return l; // expected-warning {{'l' is returned holding, in field 'text', the pointer rc_str_cstr() derives from 's', but 's' is released as the function returns: the caller gets a pointer into freed memory; hold the object itself in the field (a managed pointer) or a copy of the bytes}}
}

struct label assigned(int id) {
    struct label l;
    struct rec *r = rc_new(struct rec);
    l.id = id;
    l.text = r->name; // expected-note {{field 'text' gets the pointer here}}
    return l; // expected-warning {{'l' is returned holding, in field 'text', the address of its field 'name' in 'r', but 'r' is released}}
}

struct label literal(int id) {
    rc_str *s = rc_str_format("%d", id);
    return (struct label){ rc_str_cstr(s), id }; // expected-warning {{the struct is returned holding, in field 'text'}} expected-note {{field 'text' gets the pointer here}}
}

struct pair nested(void) {
    rc_str *s = rc_str_new("n");
    struct pair p = { { "a", 1 }, { rc_str_cstr(s), 2 } }; // expected-note {{field 'text' gets the pointer here}}
    return p; // expected-warning {{'p' is returned holding, in field 'text'}}
}

void out(struct label *dst) {
    rc_str *s = rc_str_new("o");
    struct label l = { rc_str_cstr(s), 0 }; // expected-note {{field 'text' gets the pointer here}}
    *dst = l; // expected-warning {{the pointer rc_str_cstr() derives from 's', in field 'text' of 'l', is stored into '*dst', which outlives the function}}
}

// Fine: the field is overwritten with a copy before the return, the
// object is the caller's, or a field holds a value, not a pointer.
struct label copied(int id, rc_str *param) {
    rc_str *s = rc_str_format("c-%d", id);
    struct label l = { rc_str_cstr(s), id };
    l.text = strdup(l.text);
    struct label m = { rc_str_cstr(param), (int)rc_str_len(s) };
    (void)m;
    return l;
}

struct label callers(rc_str *param) {
    struct label l = { rc_str_cstr(param), 1 };
    return l;
}
