// Stores: strong slots (locals, fields, globals, array elements, *p) use
// rc__assign (retain new, store, release old) or rc__assign_owned for a +1
// value; RC_WEAK slots rc__weak_assign; RC_UNOWNED slots stay plain. A
// store whose value is used is cast back to the slot's type.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
#include <autorc.h>

struct RC_MANAGED node {
    struct node *next;
    RC_WEAK struct node *parent;
    RC_UNOWNED struct node *owner;
};
struct node *make(void);
struct node *global;

void stores(struct node *n, struct node **out) {
    struct node *local = NULL;
    struct node *arr[2] = {NULL, NULL};
    local = n;
    local = make();
    n->next = local;
    global = n->next;
    arr[1] = make();
    *out = n;
    n->parent = n;
    n->owner = n;
    if ((local = n->next) != NULL) {
    }
}
// CHECK: {{^ *}}rc__assign((void **)&(local ), n);
// CHECK: {{^ *}}rc__assign_owned((void **)&(local ), make());
// CHECK: {{^ *}}rc__assign((void **)&(n->next ), local);
// CHECK: {{^ *}}rc__assign((void **)&(global ), n->next);
// CHECK: {{^ *}}rc__assign_owned((void **)&(arr[1] ), make());
// CHECK: {{^ *}}rc__assign((void **)&(*out ), n);
// CHECK: {{^ *}}rc__weak_assign((void **)&(n->parent ), n);
// CHECK: {{^ *}}n->owner = n;
// CHECK: {{^ *}}if ((((struct node *)rc__assign((void **)&(local ), n->next))) != NULL) {
