// [autorc-cycle]: the back link chosen from how the program creates its
// objects. A scheduler creates each task and stores it in its list, so a
// task is the scheduler's child and the task's link to the scheduler is
// the link back to its creator: suggested, with a fix-it, though no name
// says so. The creator's own links to what it creates are never suggested.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
#include <autorc.h>

struct RC_MANAGED sched;
struct RC_MANAGED task { struct sched *s; int id; }; // expected-warning {{strong field 's' closes a reference cycle (struct task -> struct sched -> struct task) that only the cycle collector frees; make the back link 's' RC_WEAK (struct task objects are created and stored by struct sched (cycle-backlink-creation.c:22): 's' links back to the creator)}}
// CHECK: fix-it:"{{.*}}cycle-backlink-creation.c":{[[@LINE-1]]:26-[[@LINE-1]]:26}:"RC_WEAK "
struct RC_MANAGED sched {
    rc_list *tasks;
    struct task *current; // expected-note {{the cycle goes on through strong field 'current' (struct sched -> struct task)}}
};

struct task *sched_add(struct sched *s, int id) {
    struct task *t = rc_new(struct task);
    t->s = s;
    rc_list_append(s->tasks, t);
    t->id = id;
    return t;
}
// CHECK-NOT: fix-it:
