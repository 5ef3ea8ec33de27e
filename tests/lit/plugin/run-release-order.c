// When an object dies its strong fields are released in declaration
// order, array fields element 0 first, and an rc_list's items first to
// last, in every allocator mode: the fast path of plain pooled objects and
// destroy() (types with a finalizer or weak fields, every object under
// AUTORC_MALLOC=malloc|debug) agree. Before the fix destroy() released in
// reverse, so the output changed under ASan (malloc mode).
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=pool %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED leaf { int id; };
RC_FINALIZER void leaf_del(struct leaf *self) { printf(" %d", self->id); }

struct RC_MANAGED plain3 { struct leaf *a, *b, *c; };             /* fast path */
struct RC_MANAGED fin3 { struct leaf *a, *b, *c; };               /* destroy() */
RC_FINALIZER void fin3_del(struct fin3 *self) { printf(" fin3:"); }
struct RC_MANAGED weak3 { struct leaf *a; RC_WEAK struct leaf *w; struct leaf *b, *c; };
struct RC_MANAGED wide { struct leaf *x; struct leaf *f[6]; };    /* more than 4 fields */

static int next_id;
static struct leaf *leaf(void) {
    struct leaf *l = rc_new(struct leaf);
    l->id = ++next_id;
    return l;
}

int main(void) {
    printf("mode %s\n", rc_allocator_name());
    {
        struct plain3 *p = rc_new(struct plain3);
        next_id = 0;
        p->c = leaf(); p->b = leaf(); p->a = leaf(); /* ids 3 2 1 in a b c */
        printf("plain3:");
        p = NULL;
        printf("\n");
    }
    {
        struct fin3 *p = rc_new(struct fin3);
        next_id = 0;
        p->c = leaf(); p->b = leaf(); p->a = leaf();
        printf("fin3:");
        p = NULL;
        printf("\n");
    }
    {
        struct weak3 *p = rc_new(struct weak3);
        next_id = 0;
        p->c = leaf(); p->b = leaf(); p->a = leaf();
        p->w = p->a;
        printf("weak3:");
        p = NULL;
        printf("\n");
    }
    {
        struct wide *p = rc_new(struct wide);
        next_id = 0;
        for (int i = 5; i >= 0; i--) p->f[i] = leaf();
        p->x = leaf();
        printf("wide:");
        p = NULL;
        printf("\n");
    }
    {
        rc_list *l = rc_list_new();
        next_id = 0;
        struct leaf *tmp[4] = {0};
        for (int i = 0; i < 4; i++) tmp[3 - i] = leaf();
        for (int i = 0; i < 4; i++) rc_list_append(l, tmp[i]);
        for (int i = 0; i < 4; i++) tmp[i] = NULL;
        printf("list:");
        l = NULL;
        printf("\n");
    }
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: mode
// CHECK-NEXT: plain3: 3 2 1{{$}}
// CHECK-NEXT: fin3: fin3: 3 2 1{{$}}
// CHECK-NEXT: weak3: 3 2 1{{$}}
// CHECK-NEXT: wide: 7 6 5 4 3 2 1{{$}}
// CHECK-NEXT: list: 4 3 2 1{{$}}
// CHECK-NEXT: live 0
