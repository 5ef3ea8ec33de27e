// A managed pointer converted to void * would no longer be counted, and an
// integer converted to a managed pointer was kept alive by nothing: errors.
// A managed pointer converted to an integer is an address read (a hash, an
// identity compare): fine. Passing one to the runtime's API (RC_OBJECT_ARG and
// other <autorc.h> parameters) is fine, and so are casts to void,
// conversions to bool and between managed pointer types, and a printf-like
// function's variadic arguments (`printf("%p", (void *)n)` only prints the
// address; a format attribute, implicit on the C library's, says so).
// Passed to a user function's void * parameter, the first such error comes with a note
// at the parameter: RC_OBJECT_ARG is the usual fix.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdint.h>
#include <pthread.h>
#include <stdio.h>

struct RC_MANAGED node { struct node *next; };
void take_void(void *p); // expected-note {{if take_void() takes managed objects, declare this parameter 'RC_OBJECT_ARG void *p': passing one is then no escape}}
__attribute__((format(printf, 1, 2))) void log_line(const char *fmt, ...);
void keep_all(const char *fmt, ...);
void take_unnamed(void *);
static void *run(void *arg) { return arg; }

void casts(struct node *n, rc_list *l) {
    uintptr_t bits = (uintptr_t)n; // an address read: fine
    size_t h = (size_t)n >> 4;     // so is a hash of it
    struct node *back = (struct node *)bits; // expected-error {{[autorc-cast] integer of type 'uintptr_t'}}
    n = (struct node *)(h << 4);   // expected-error {{converted to managed pointer 'struct node *': an integer holds no reference, so the object it was taken from may be gone}}
    struct node *none = (struct node *)0; // a null pointer constant: fine
    void *v = n;                   // expected-error {{[autorc-cast] managed pointer of type 'struct node *' converted to 'void *'}}
    if (v == n || n != rc_list_get(l, 0) || (void *)n < v) // comparisons read addresses: fine
        (void)0;
    take_void(n);                  // expected-error {{[autorc-cast]}}
    printf("%p\n", (void *)n);     // printed only: fine
    fprintf(stderr, "%p %p\n", (void *)n, (void *)l);
    snprintf(0, 0, "%p", (const void *)n);
    log_line("at %p", (void *)n);  // a user's printf-like function
    take_void((void *)n);          // expected-error {{[autorc-cast]}}
    keep_all("%p", (void *)n);     // expected-error {{[autorc-cast]}}
    take_unnamed(n);               // expected-error {{[autorc-cast]}} (no note: nothing to name)
    pthread_t t;                   // a system header's parameter: no note either
    pthread_create(&t, NULL, run, n); // expected-error {{[autorc-cast]}}
    rc_list_append(l, n);          // the runtime's API: fine
    void (*plain_cb)(void *ctx) = take_void; // expected-note {{if the functions called through this pointer take managed objects, declare this parameter 'RC_OBJECT_ARG void *ctx' in the pointer's prototype}}
    plain_cb(n);                   // expected-error {{[autorc-cast]}}
    void (*object_cb)(RC_OBJECT_ARG void *) = take_void;
    object_cb(n);                  // the pointer's prototype says RC_OBJECT_ARG: fine
    printf("%zu\n", rc_getrefcount(n));
    (void)n;
    if (n && !n->next) {
    }
    (void)bits; (void)v; (void)back; (void)none;
}

// A managed object stored into a `void *` field: the note names the type the
// field should have.
struct listener {
    void (*fn)(RC_OBJECT_ARG void *ctx);
    void *ctx; // expected-note {{a 'void *' field holds no counted reference: declare 'ctx' as 'struct node *' (a callback's RC_OBJECT_ARG 'void *' parameter takes it without a cast)}}
};
void listen(struct listener *l, struct node *n) {
    l->ctx = n; // expected-error {{[autorc-cast] managed pointer of type 'struct node *' converted to 'void *'}}
    l->fn(l->ctx);
}
