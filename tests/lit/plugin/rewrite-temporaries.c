// A +1 result nothing takes: a discarded one is released at once
// (rc_decref); one used inside a full expression lives in a temporary that
// a cleanup releases when the full expression ends. An argument that is
// neither a local nor a parameter is retained into such a temporary for the
// call (the callee might overwrite the slot it came from). Locals and
// parameters are passed as they are (borrowed).
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; int v; };
struct node *make(void);
int use(struct node *n);

int temps(struct node *p) {
    struct node *local = make();
    make();
    use(local);
    use(p);
    use(p->next);
    int x = use(make());
    if (make()->v > 0)
        x++;
    return x + use(make());
}
// CHECK: {{^ *}}rc_decref(make());
// CHECK: {{^ *}}use(local);
// CHECK: {{^ *}}use(p);
// CHECK: {{^ *}}__extension__({ struct { struct node *obj; rc__epoch_t epoch; } rc__t1 __attribute__((cleanup(rc__hold_drop))) = {0}; use((rc__t1.obj = rc__hold(&rc__t1.epoch, p->next))); });
// CHECK: {{^ *}}int x = __extension__({ struct node *rc__t2 __attribute__((cleanup(rc__drop))) = NULL; use((rc__t2 = make())); });
// CHECK: {{^ *}}if (__extension__({ struct node *rc__t3 __attribute__((cleanup(rc__drop))) = NULL; (rc__t3 = make())->v > 0; }))
// CHECK: {{^ *}}return __extension__({ struct node *rc__t4 __attribute__((cleanup(rc__drop))) = NULL; x + use((rc__t4 = make())); });
