// A callback's `void *` context declared RC_OBJECT_ARG in the function
// pointer's prototype (a typedef, a field's or a local's declarator) takes
// managed objects through calls via the pointer as through a direct call:
// no [autorc-cast] error, and an argument read from a field is kept alive
// for the call (the callback below drops the field that holds its context).
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %clang -std=gnu11 -fsyntax-only -Wall -Werror -I%autorc_include %s
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED counter { int id, total; };
RC_FINALIZER void counter_del(struct counter *self) { printf("del counter %d\n", self->id); }

struct handler;
typedef void (*handler_fn)(struct handler *h, int arg, RC_OBJECT_ARG void *ctx);
struct RC_MANAGED handler {
    handler_fn fn;
    void (*on_done)(RC_OBJECT_ARG void *ctx);
    struct counter *ctx;
};

static void add(struct handler *h, int arg, RC_OBJECT_ARG void *ctx) {
    struct counter *c = ctx;
    h->ctx = NULL;                     /* drops the field's reference to ctx */
    c->total += arg;
    printf("counter %d total %d\n", c->id, c->total);
}

static void done(RC_OBJECT_ARG void *ctx) {
    struct counter *c = ctx;
    printf("done %d\n", c->id);
}

static struct counter *counter_new(int id) {
    struct counter *c = rc_new(struct counter);
    c->id = id;
    return c;
}

int main(void) {
    struct handler *h = rc_new(struct handler);
    *h = (struct handler){ .fn = add, .on_done = done, .ctx = counter_new(1) };
    h->on_done(h->ctx);
    // CHECK: done 1
    h->fn(h, 5, h->ctx);               /* kept alive until the call returns */
    // CHECK-NEXT: counter 1 total 5
    // CHECK-NEXT: del counter 1
    void (*cb)(RC_OBJECT_ARG void *) = done;
    struct counter *c2 = counter_new(2);
    cb(c2);
    (*cb)(c2);
    // CHECK-NEXT: done 2
    // CHECK-NEXT: done 2
    c2 = NULL;
    // CHECK-NEXT: del counter 2
    h = NULL;
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
