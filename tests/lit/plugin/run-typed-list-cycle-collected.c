// A cycle through a typed list is a cycle: RC_LIST_OF's struct is a
// container (RC_CONTAINER), so the type graph gives `members` a container
// edge, acyclic inference does not mark struct dept and struct emp
// RC_TYPE_ACYCLIC, the collector tracks them and frees the cycle. Before,
// the list type looked like a leaf (its one field is RC_UNOWNED), both
// descriptors were acyclic and the cycle leaked: "collected 0 live 3".
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t 2> %t.err && %t | FileCheck %s
// RUN: FileCheck --check-prefix=WARN %s < %t.err
#include <autorc.h>
#include <stdio.h>

struct emp;
RC_LIST_OF(emp_list, struct emp);

struct RC_MANAGED dept {
    emp_list *members;
};

struct RC_MANAGED emp {
    struct dept *dept; // WARN: cycle-collected.c:[[@LINE]]:18: warning: strong field 'dept' closes a reference cycle (struct emp -> struct dept -> rc_list -> struct emp)
};

static int emps_freed;
RC_FINALIZER static void emp_del(struct emp *e) { (void)e; emps_freed++; }

int main(void) {
    for (int i = 0; i < 3; i++) {
        struct dept *d = rc_new(struct dept);
        d->members = rc_tlist_new(emp_list);
        struct emp *e = rc_new(struct emp);
        e->dept = d;
        rc_tlist_append(d->members, e);
    }
    long c = rc_gc_collect(-1);
    // CHECK: collected 9 live 0 emps freed 3
    printf("collected %ld live %zu emps freed %d\n", c, rc_live_objects(), emps_freed);
    return 0;
}
