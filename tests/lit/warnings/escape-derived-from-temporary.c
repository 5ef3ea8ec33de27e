// [autorc-escape]: a pointer derived from a +1 result that only the
// statement's temporary holds, kept beyond the statement. The string
// rc_str_format made is released when the statement ends, so `s` pointed
// into freed memory: pool mode printed the old text by luck, debug mode
// the fill pattern, and nothing was reported.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED name { rc_str *text; };
struct label { const char *text; };
struct name *make_name(void);
const char *name_text(struct name *n);

const char *greeting(int n) {
    const char *s = rc_str_cstr(rc_str_format("hello %d", n)); // expected-warning {{the object rc_str_format() returns is released when this statement ends, but the pointer rc_str_cstr() derives from it is kept in 's'; hold the object in a local first}}
    struct label l;
    l.text = name_text(make_name()); // expected-warning {{the object make_name() returns is released when this statement ends, but the pointer name_text() derives from it is kept in 'text'}}
    puts(s);
    puts(l.text);
    return rc_str_cstr(rc_str_new("bye")); // expected-warning {{the pointer rc_str_cstr() derives from the object rc_str_new() returns is returned, but the object rc_str_new() returns is released as the function returns}}
}

// Fine: the pointer is used within the statement, the object is held, or
// the result is no pointer.
size_t fine(rc_str *held) {
    printf("%s\n", rc_str_cstr(rc_str_format("x%d", 1)));
    rc_str *s = rc_str_format("y%d", 2);
    const char *p = rc_str_cstr(s);
    const char *q = rc_str_cstr(held);
    size_t n = rc_str_len(rc_str_format("z%d", 3));
    return n + (p != q);
}

RC_NOWARN(escape) const char *silenced(void) {
    return rc_str_cstr(rc_str_new("static text"));
}

// Fine: a container's object looked up with a +1 key (the result is the
// dict's object, not derived from the key), or stored into a counted slot.
struct name *lookup(rc_dict *d) {
    struct name *n = rc_dict_get(d, rc_str_new("k"));
    void *v = rc_dict_get(d, rc_str_format("k%d", 2));
    (void)v;
    return n;
}
