// [autorc-escape]: a managed pointer converted to a pointer type that is
// neither managed nor void *, and the address of a strong managed slot
// converted to anything else. Conversions to integers and void * are the
// [autorc-cast] error (see escape-family.c); the runtime API's arguments,
// managed-to-managed conversions and truth tests are fine.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <string.h>

struct RC_MANAGED node { struct node *next; int v; };
struct plain { int a, b; };
typedef struct node Node;

unsigned char first_byte(struct node *n) {
    unsigned char *p = (unsigned char *)n; // expected-warning {{managed pointer of type 'struct node *' converted to 'unsigned char *': the result is an uncounted alias}}
    return p[0];
}

struct plain *pun(Node *n) {
    return (struct plain *)n; // expected-warning {{converted to 'struct plain *'}}
}

void **slot_of(struct node *n) {
    return (void **)&n->next; // expected-warning {{address of a managed pointer slot ('struct node **') converted to 'void **'}}
}

void *slots(void) {
    static struct node *arr[4]; // expected-warning {{[autorc-global]}}
    return (void *)arr; // expected-warning {{address of a managed pointer slot}}
}

// Not warned.
struct node **out_param(struct node **pp) { return pp; }
const struct node *const *const_slot(struct node **pp) { return (const struct node *const *)pp; }
int truthy(struct node *n) { return n && !!n->next; }
void api(struct node *n, rc_list *l) { rc_list_append(l, n); rc_weakref *w = rc_weakref_new(n, NULL, NULL); (void)w; }
