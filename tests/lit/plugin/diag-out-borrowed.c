// [autorc-unsupported]: the address of a counted slot passed to an
// RC_OUT_BORROWED parameter. rc_dict_next stores the dict's own key and
// value through its out-parameters without retaining them; a strong
// `rc_str *key` received there was released by its cleanup at the end of
// the loop's scope and freed a key the dict still held (a double release,
// `autorc: fatal: ... already destroyed`, with no diagnostic). `void *` and
// RC_UNOWNED variables receive a borrowed reference as it is.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stddef.h>

struct RC_MANAGED node { int v; RC_WEAK struct node *up; };
struct holder { rc_str *key; };

int strong_locals(rc_dict *d) {
    size_t pos = 0;
    rc_str *key = NULL;
    struct node *val = NULL;
    int n = 0;
    while (rc_dict_next(d, &pos, (void **)&key, // expected-error {{[autorc-unsupported] rc_dict_next() stores a borrowed reference through 'key' without counting it, here into a counted slot of type 'rc_str *'}}
                        (void **)&val)) // expected-error {{through 'value' without counting it, here into a counted slot of type 'struct node *'}}
        n += val->v;
    return n;
}

void fields_and_weak(rc_dict *d, struct holder *h, struct node *o) {
    size_t pos = 0;
    rc_dict_next(d, &pos, (void **)&h->key, NULL); // expected-error {{into a counted slot of type 'rc_str *'}}
    rc_dict_next(d, &pos, NULL, (void **)&o->up);  // expected-error {{into a counted slot of type 'struct node *'}}
}

// Fine: uncounted receivers, then counted copies.
int uncounted(rc_dict *d) {
    size_t pos = 0;
    void *k, *v;
    RC_UNOWNED struct node *u;
    int n = 0;
    while (rc_dict_next(d, &pos, &k, (void **)&u)) {
        rc_str *key = k;
        n += u->v + (int)rc_str_len(key);
    }
    while (rc_dict_next(d, &pos, NULL, &v))
        n++;
    return n;
}
