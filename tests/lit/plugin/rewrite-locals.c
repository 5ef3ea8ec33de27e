// Strong locals get a cleanup that releases them on every scope exit;
// +1 initialisers are taken, +0 ones retained, missing ones become NULL;
// fixed-size arrays get an array cleanup; RC_WEAK locals register with the
// runtime; RC_UNOWNED and non-managed locals are left alone.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; };
struct node *make(void);
typedef struct node Node;

// CHECK: {{^}}static inline void rc__drop_arr_4(void *a) { rc__release_array(a, 4); } void locals(struct node *param) {
void locals(struct node *param) {
    // CHECK: {{^ *}}struct node *owned __attribute__((cleanup(rc__drop))) = make();
    struct node *owned = make();
    // CHECK: {{^ *}}struct node *copy __attribute__((cleanup(rc__drop))) = rc__retain(param);
    struct node *copy = param;
    // CHECK: {{^ *}}Node *field __attribute__((cleanup(rc__drop))) = rc__retain(param->next);
    Node *field = param->next;
    // CHECK: {{^ *}}struct node *empty __attribute__((cleanup(rc__drop))) = NULL;
    struct node *empty;
    // CHECK: {{^ *}}struct node *null __attribute__((cleanup(rc__drop))) = NULL;
    struct node *null = NULL;
    // CHECK: {{^ *}}struct node *arr[4] __attribute__((cleanup(rc__drop_arr_4))) = {0};
    struct node *arr[4];
    // CHECK: {{^ *}}RC_WEAK struct node *weak __attribute__((cleanup(rc__weak_drop))) = rc__weak_init_v(&weak, param);
    RC_WEAK struct node *weak = param;
    // CHECK: {{^ *}}RC_UNOWNED struct node *unowned = param;
    RC_UNOWNED struct node *unowned = param;
    // CHECK: {{^ *}}int plain = 1; void *vp = 0;
    int plain = 1; void *vp = 0;
    // A loop variable is counted while something in its loop can release
    // (here the result of make()):
    // CHECK: {{^ *}}for (struct node *it __attribute__((cleanup(rc__drop))) = rc__retain(param); it; rc__assign((void **)&(it),it->next)) {
    // CHECK-NEXT: {{^ *}}rc_decref(make());
    for (struct node *it = param; it; it=it->next) {
        make();
    }
    // and borrowed, left as written, when nothing can (MoveAnalysis.h):
    // CHECK: {{^ *}}for (struct node *it = param->next; it; it=it->next) {
    for (struct node *it = param->next; it; it=it->next) {
    }
    (void)owned; (void)copy; (void)field; (void)empty; (void)null; (void)arr;
    (void)weak; (void)unowned; (void)plain; (void)vp;
}
