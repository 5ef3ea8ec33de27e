// The rewrite of a managed struct assigned by value: _set for a +0 right
// side (an object read through a pointer), _set_owned for a +1 one (a
// compound literal in the assignment); a used value reads
// the object back (`(*..._set(...))`). The helper reads the old strong
// slots (the tagged one under its tag), unregisters and re-registers the
// weak slot around the byte copy, leaves the RC_UNOWNED one alone, and
// releases the old values last. A whole-struct memcpy/memset is renamed to
// its counted stand-in.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
#include <autorc.h>
#include <string.h>

struct RC_MANAGED name { int id; };
struct RC_MANAGED task {
    int prio;
    struct name *name;
    RC_WEAK struct name *seen;
    RC_UNOWNED struct name *raw;
    int k;
    union { long i; RC_TAGGED(k, 1) struct name *o; } u;
};

int assign(struct task *t, struct task *u, struct name *n) {
    *t = (struct task){ .prio = 3, .name = n, .seen = n };
    *u = *t;
    memcpy(u, t, sizeof *u);
    memset(t, 0, sizeof *t);
    return (*t = *u).prio;
}
// CHECK: {{^[^/].*}}static inline __attribute__((unused)) struct task *rc__vs_task_set_owned(struct task *s, struct task v) { void *old[2] = {(void *)s->name, (s->k == (1) ? (void *)s->u.o : NULL)}; (void)rc__weak_assign(&s->seen, NULL); *s = v; (void)rc__weak_init_v(&s->seen, s->seen); for (unsigned i = 0; i < 2; i++) rc_decref(old[i]); return s; } static inline __attribute__((unused)) struct task *rc__vs_task_set(struct task *s, struct task v) { rc__vs_task_inc(&v); return rc__vs_task_set_owned(s, v); }
// CHECK-SAME: rc__vs_task_memcpy(void *d, const void *s, __SIZE_TYPE__ n) { (void)n; return (void *)rc__vs_task_set((struct task *)d, *(const struct task *)s); }
// CHECK-SAME: rc__vs_task_memset(void *d, int c, __SIZE_TYPE__ n) { static const struct task zero; (void)n; (void)c; return (void *)rc__vs_task_set_owned((struct task *)d, zero); }
// CHECK-SAME: int assign(struct task *t, struct task *u, struct name *n) {
// CHECK-NEXT: {{^ *}}rc__vs_task_set_owned(&(*t ), (struct task){ .prio = 3, .name = rc__retain(n), .seen = n });
// CHECK-NEXT: {{^ *}}rc__vs_task_set(&(*u ), *t);
// CHECK-NEXT: {{^ *}}rc__vs_task_memcpy(u, t, sizeof *u);
// CHECK-NEXT: {{^ *}}rc__vs_task_memset(t, 0, sizeof *t);
// CHECK-NEXT: {{^ *}}return ((*rc__vs_task_set(&(*t ), *u))).prio;
