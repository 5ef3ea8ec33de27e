// A managed struct assigned by value (`*t = (struct task){...}`, `*u = *t`)
// is counted field by field: the right side is evaluated once and copied
// before the destination's old strong fields are released (so `*a = *a`
// and `*a = *a->next` are safe), the new ones retained (a compound literal
// in the assignment owns what its fields were given), RC_WEAK fields
// registered at the destination, the object header left alone. Finalizers
// run in the order the last references go; nothing is left alive.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: %clang -std=gnu11 -fsyntax-only -Wall -Werror -I%autorc_include %s
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED name { int id; };
RC_FINALIZER void name_del(struct name *self) { printf("del name %d\n", self->id); }

struct RC_MANAGED task {
    int prio;
    struct name *name;
    struct task *next;
    RC_WEAK struct name *seen;
    RC_UNOWNED struct name *raw;
};
RC_FINALIZER void task_del(struct task *self) { printf("del task %d\n", self->prio); }

static struct name *mk(int id) {
    struct name *n = rc_new(struct name);
    n->id = id;
    return n;
}

static struct task *task_new(int prio) {
    struct task *t = rc_new(struct task);
    t->prio = prio;
    return t;
}

static void live(const char *what, size_t n) {
    printf("%s: live %zu\n", what, rc_live_objects());
    if (rc_live_objects() != n) { printf("FAIL\n"); exit(1); }
}

/* Touches *a while the right side is evaluated. */
static struct task *drop_next(struct task *a, struct task *b) {
    a->next = NULL;
    return b;
}

int main(void) {
    {
        struct name *n1 = mk(1);
        struct task *t = rc_new(struct task);
        *t = (struct task){ .prio = 3, .name = n1, .next = NULL, .seen = n1, .raw = n1 };
        printf("n1 refs %zu weak %zu\n", rc_getrefcount(n1), rc_weakref_count(n1));
        // CHECK: n1 refs 2 weak 1
        struct task *u = task_new(9);
        *u = *t;                                   /* a copy: n1 retained, seen registered at u */
        printf("u %d n1 refs %zu weak %zu\n", u->prio, rc_getrefcount(n1), rc_weakref_count(n1));
        // CHECK-NEXT: u 3 n1 refs 3 weak 2
        *u = *u;                                   /* the same object: nothing changes */
        printf("self n1 refs %zu weak %zu\n", rc_getrefcount(n1), rc_weakref_count(n1));
        // CHECK-NEXT: self n1 refs 3 weak 2
        *t = (struct task){ .prio = 4, .name = mk(2) };   /* owns mk(2); n1 and seen let go */
        printf("t %d %d n1 refs %zu weak %zu\n", t->prio, t->name->id, rc_getrefcount(n1),
               rc_weakref_count(n1));
        // CHECK-NEXT: t 4 2 n1 refs 2 weak 1
        n1 = NULL;
        *u = *t;                                   /* the last reference to name 1 goes */
        // CHECK-NEXT: del name 1
        printf("u %d name %d seen %p\n", u->prio, u->name->id, (void *)u->seen);
        // CHECK-NEXT: u 4 name 2 seen (nil)
        live("copies", 3);
        // CHECK-NEXT: copies: live 3
    }
    // CHECK-NEXT: del task 4
    // CHECK-NEXT: del task 4
    // CHECK-NEXT: del name 2
    live("after copies", 0);
    // CHECK-NEXT: after copies: live 0
    {
        /* A weak field follows its target's death at the copy too. */
        struct name *p = mk(5);
        struct task *a = task_new(1), *b = task_new(2);
        a->seen = p;
        *b = *a;
        p = NULL;
        // CHECK-NEXT: del name 5
        printf("seen %p %p\n", (void *)a->seen, (void *)b->seen);
        // CHECK-NEXT: seen (nil) (nil)
    }
    // CHECK-NEXT: del task 1
    // CHECK-NEXT: del task 1
    {
        /* A list: *a = *a->next copies the next node before the old one goes. */
        struct task *a = task_new(1);
        a->next = task_new(2);
        a->next->next = task_new(3);
        a->next->name = mk(20);
        *a = *a->next;
        // CHECK-NEXT: del task 2
        printf("a %d name %d next %d\n", a->prio, a->name->id, a->next->prio);
        // CHECK-NEXT: a 2 name 20 next 3
        struct task *b = task_new(7);
        b->next = task_new(8);
        *a = *drop_next(a, b);                     /* the right side changes *a first */
        // CHECK-NEXT: del task 3
        // CHECK-NEXT: del name 20
        // b's last use moved it into drop_next, whose +1 result goes here:
        // CHECK-NEXT: del task 7
        printf("a %d next %d name %p\n", a->prio, a->next->prio, (void *)a->name);
        // CHECK-NEXT: a 7 next 8 name (nil)
    }
    // CHECK-NEXT: del task 7
    // CHECK-NEXT: del task 8
    live("after list", 0);
    // CHECK-NEXT: after list: live 0
    {
        /* Swap two objects' contents through a temporary object. */
        struct task *a = task_new(1), *b = task_new(2), *tmp = rc_new(struct task);
        a->name = mk(11);
        b->name = mk(12);
        *tmp = *a;
        *a = *b;
        *b = *tmp;
        tmp = NULL;
        // CHECK-NEXT: del task 1
        printf("a %d %d b %d %d\n", a->prio, a->name->id, b->prio, b->name->id);
        // CHECK-NEXT: a 2 12 b 1 11
        /* Used as a value, and chained: the value is the object after the store. */
        struct task *c = task_new(3);
        int prio = (*a = *c).prio;
        *a = *b = *c;
        // CHECK-NEXT: del name 12
        // CHECK-NEXT: del name 11
        printf("prio %d a %d b %d name %p\n", prio, a->prio, b->prio, (void *)a->name);
        // CHECK-NEXT: prio 3 a 3 b 3 name (nil)
    }
    // CHECK-NEXT: del task 3
    // CHECK-NEXT: del task 3
    // CHECK-NEXT: del task 3
    live("after swap", 0);
    // CHECK-NEXT: after swap: live 0
    return 0;
}
