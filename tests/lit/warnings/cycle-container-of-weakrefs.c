// A container the code stores only weak references into (rc_weakref
// objects) holds none of the types its name suggests: no cycle goes through
// it. The observer pattern -- a subject's rc_list of weakref.ref(observer),
// each observer holding its subject strongly -- was reported as
// "'watching' closes a reference cycle (struct observer -> struct subject
// -> rc_list -> struct observer)", the list "may hold struct observer
// objects (its name says so)" (found by u6). The code's stores now decide;
// the name only when the code stores nothing.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
// expected-no-diagnostics
#include <autorc.h>

struct RC_MANAGED subject { rc_list *observers; int notified; };
struct RC_MANAGED observer {
    struct subject *watching; // strong: an observer keeps its subject
    int seen;
};

static void forget(rc_weakref *ref, void *ctx) {
    struct subject *s = ctx;
    rc_list_remove(s->observers, ref);
}

void attach(struct subject *s, struct observer *o) {
    rc_weakref *r = rc_weakref_new(o, forget, s);
    rc_list_append(s->observers, r);
    o->watching = s;
}
