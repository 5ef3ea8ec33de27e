// A fresh object written straight into a typed-list call --
// rc_tlist_append(l, rc_new(struct node)), and the same for _set and
// _insert -- is counted like any +1 argument of a storing call: the list
// keeps its reference, the plugin releases the allocation's own after the
// call. rc_new is written as an argument of an <autorc.h> macro, so the
// plugin edits it where the argument is spelled (the macro reads the
// argument once more, only under sizeof). Before the fix each was refused:
// "[autorc-macro] rc_new(struct node) inside another macro cannot be given
// its type descriptor". rc_list_append and rc_dict_set (functions) and call
// results as arguments were already counted and are checked alongside.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck --check-prefix=EMIT %s
// RUN: %cc %plugin_flags -Wall -Werror %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { finalized++; }

RC_LIST_OF(node_list, struct node);

int main(void) {
    {
        node_list *l = rc_tlist_new(node_list);
        rc_tlist_append(l, rc_new(struct node));
        // EMIT: rc_tlist_append(l, (rc__t{{[0-9]+}} = {{RC__NEW_MANAGED|rc_new_typed}}(struct node, {{.*}})));
        rc_tlist_append(l, node_new(2));
        rc_tlist_insert(l, 0, rc_new(struct node));
        rc_tlist_set(l, 1, rc_new(struct node));
        rc_tlist_get(l, 0)->value = 7;
        printf("len %zu live %zu first %d count %zu\n", rc_tlist_len(l), rc_live_objects(),
               rc_tlist_get(l, 0)->value, rc_getrefcount(rc_tlist_get(l, 0)));
        // CHECK: len 3 live 4 first 7 count 1
        printf("finalized %d\n", finalized);
        // CHECK-NEXT: finalized 1
        rc_list *pl = rc_list_new();
        rc_list_append(pl, rc_new(struct node));
        rc_dict *d = rc_dict_new();
        rc_dict_set(d, rc_str_new("k"), rc_new(struct node));
        printf("list %zu dict %zu live %zu\n", rc_list_len(pl), rc_dict_len(d), rc_live_objects());
        // CHECK-NEXT: list 1 dict 1 live 9
    }
    printf("finalized %d live %zu\n", finalized, rc_live_objects());
    // CHECK-NEXT: finalized 6 live 0
    return 0;
}
