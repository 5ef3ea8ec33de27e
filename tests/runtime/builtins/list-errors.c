// Misuse of rc_list is a fatal error that names the call, as Python raises
// IndexError (out-of-range index, pop from an empty list), TypeError (a
// NULL list) or, for removals during an iteration, a clear message where
// Python would silently skip items.
// RUN: %cc %s %autorc_lib -o %t
// RUN: not --crash %t get 2>&1 | FileCheck --check-prefix=GET %s
// GET: autorc: fatal: rc_list_get: index -3 out of range (list length 2)
// RUN: not --crash %t set 2>&1 | FileCheck --check-prefix=SET %s
// SET: autorc: fatal: rc_list_set: index 2 out of range (list length 2)
// RUN: not --crash %t pop 2>&1 | FileCheck --check-prefix=POP %s
// POP: autorc: fatal: rc_list_pop: pop from empty list
// RUN: not --crash %t pop_at 2>&1 | FileCheck --check-prefix=POPAT %s
// POPAT: autorc: fatal: rc_list_pop_at: index 5 out of range (list length 2)
// RUN: not --crash %t delete 2>&1 | FileCheck --check-prefix=DEL %s
// DEL: autorc: fatal: rc_list_delete: index -3 out of range (list length 2)
// RUN: not --crash %t null 2>&1 | FileCheck --check-prefix=NULL %s
// NULL: autorc: fatal: rc_list_append: the list is NULL
// RUN: not --crash %t iter_delete 2>&1 | FileCheck --check-prefix=ITER %s
// ITER: autorc: fatal: rc_list_delete: list changed during iteration
// RUN: not --crash %t iter_insert 2>&1 | FileCheck --check-prefix=ITERINS %s
// ITERINS: autorc: fatal: rc_list_insert: list changed during iteration
// RUN: not --crash %t sort_append 2>&1 | FileCheck --check-prefix=SORT %s
// SORT: autorc: fatal: rc_list_append: list modified during rc_list_sort
#include <autorc.h>
#include <string.h>

struct item { int v; };
static rc_list *victim;
static int cmp_appends(const void *a, const void *b) {
    rc_list_append(victim, (void *)a);
    return 0;
}

int main(int argc, char **argv) {
    const char *w = argc > 1 ? argv[1] : "";
    rc_list *l = rc_list_new();
    struct item *i = rc_new(struct item);
    rc_list_append(l, i);
    rc_list_append(l, i);
    if (!strcmp(w, "get")) rc_list_get(l, -3);
    if (!strcmp(w, "set")) rc_list_set(l, 2, i);
    if (!strcmp(w, "pop")) { rc_list_clear(l); rc_list_pop(l); }
    if (!strcmp(w, "pop_at")) rc_list_pop_at(l, 5);
    if (!strcmp(w, "delete")) rc_list_delete(l, -3);
    if (!strcmp(w, "null")) rc_list_append(NULL, i);
    if (!strcmp(w, "iter_delete"))
        rc_list_foreach(struct item *, x, l) { (void)x; rc_list_delete(l, 0); }
    if (!strcmp(w, "iter_insert"))
        rc_list_foreach(struct item *, x, l) { rc_list_insert(l, 0, x); }
    if (!strcmp(w, "sort_append")) { victim = l; rc_list_sort(l, cmp_appends); }
    return 0;
}
