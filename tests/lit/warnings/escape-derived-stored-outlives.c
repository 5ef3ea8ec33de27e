// [autorc-escape]: a pointer into an object that dies as the function
// returns, stored where it outlives the function -- through an out
// parameter (`*out = rc_str_cstr(s);`), into a field of the caller's struct
// (`l->text = ...`), into a global -- for s a local that holds the only
// reference to a new object. u9's probes (probe_outparam.c,
// probe_buf_escape.c) printed another string's text in pool mode and were a
// heap-use-after-free under ASan, with no warning; only `return` was warned.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED msg { int id; char data[32]; };
struct label { const char *text; int id; };
const char *last_name;
void keep(struct msg *m);

void get_name(int id, const char **out) {
    rc_str *s = rc_str_format("user-%d", id);
    *out = rc_str_cstr(s); // expected-warning {{the pointer rc_str_cstr() derives from 's' is stored into '*out', which outlives the function, but 's' is released as the function returns: '*out' is left pointing into freed memory; store the object itself (a managed pointer) or a copy of the bytes}}
}

void fill(struct label *l, int id) {
    rc_str *s = rc_str_format("label-%d", id);
    l->text = rc_str_cstr(s); // expected-warning {{the pointer rc_str_cstr() derives from 's' is stored into 'l->text', which outlives the function}}
    l->id = id;
}

void new_buf_out(int id, char **out) {
    struct msg *m = rc_new(struct msg);
    snprintf(m->data, sizeof m->data, "out-%d", id);
    out[0] = m->data; // expected-warning {{the address of its field 'data' in 'm' is stored into 'out[0]', which outlives the function}}
}

void remember(int id) {
    rc_str *s = rc_str_format("g-%d", id);
    last_name = rc_str_cstr(s); // expected-warning {{is stored into 'last_name', which outlives the function}}
    struct msg *m = rc_new(struct msg);
    static int *counter;
    counter = &m->id; // expected-warning {{the address of its field 'id' in 'm' is stored into 'counter'}}
}

// Fine: the object is kept elsewhere before the function returns, the slot
// is the function's own, the object is the caller's, or the pointer is
// copied out of the object.
void kept(int id, const char **out, struct label *l, rc_str *param, char *buf) {
    struct msg *m = rc_new(struct msg);
    keep(m);
    *out = m->data;
    rc_str *s = rc_str_format("k-%d", id);
    const char *local = rc_str_cstr(s);
    struct label mine;
    mine.text = rc_str_cstr(s);
    struct label *lp = &mine;
    lp->text = rc_str_cstr(s);
    l->text = rc_str_cstr(param);
    snprintf(buf, 8, "%s", rc_str_cstr(s));
    struct label copy = *l;
    copy.text = local;
    (void)copy;
}

RC_NOWARN(escape) void silenced(const char **out) {
    rc_str *s = rc_str_new("x");
    *out = rc_str_cstr(s);
}
