// The tag of RC_TAGGED union members may sit in an anonymous struct
// (`struct { enum kind tag; int line; };`): C names it as a member of the
// enclosing record, and so does the plugin. A store to it alone is
// counted like any tag store (the member the old tag made live is
// released, the one the new tag makes live starts NULL), so a member store
// after it releases nothing that was an integer's bits. Before, the tag
// store was a plain int store: the member store released 12345 as a
// pointer (SEGV), and a tag changed away from K_OBJ leaked the object.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
#include <autorc.h>
#include <stdio.h>

enum kind { K_NUM, K_OBJ };
struct RC_MANAGED obj { int id; };
RC_FINALIZER void obj_del(struct obj *self) { printf("del obj %d\n", self->id); }
static struct obj *mk(int id) {
  struct obj *o = rc_new(struct obj);
  o->id = id;
  return o;
}

struct RC_MANAGED anon {
  struct { enum kind tag; int line; };
  union {
    long i;
    RC_TAGGED(tag, K_OBJ) struct obj *o;
  } u;
};

int main(void) {
  {
    struct anon *a = rc_new(struct anon);
    a->u.i = 12345;
    // EMIT: {{^ *}}rc__vs_anon_tag_tag(&(a->tag ), K_OBJ);
    a->tag = K_OBJ;
    a->u.o = mk(1);
    printf("stored %d\n", a->u.o->id);
    // CHECK: stored 1
    a->tag = K_NUM;
    // CHECK-NEXT: del obj 1
    printf("tag changed\n");
    // CHECK-NEXT: tag changed
    a->tag = K_OBJ;
    a->u.o = mk(2);
  }
  // CHECK-NEXT: del obj 2
  printf("live %zu\n", rc_live_objects());
  // CHECK-NEXT: live 0
  return 0;
}
