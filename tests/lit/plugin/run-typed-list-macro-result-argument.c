// A +1 result of an <autorc.h> macro written as an argument of another
// <autorc.h> macro -- rc_tlist_append(ll, rc_tlist_new(L)),
// rc_tlist_append(ll, rc_tlist_pop(src)), the same in _set and _insert, a
// conditional of them, a list argument (rc_tlist_len(rc_tlist_pop(l))) --
// is counted like any +1 argument: the temporary wraps the inner
// invocation where the user spelled it, typed as the whole expansion (the
// typed list's type, not the rc_list * of the call inside rc_tlist_new, so
// the element check still holds). Before the fix each was refused: "[autorc-macro]
// cannot insert reference counting for a temporary result inside the
// expansion of macro 'rc_tlist_new'" (and 'rc_tlist_pop', 'rc_tlist_pop_at').
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck --check-prefix=EMIT %s
// RUN: %cc %plugin_flags -Wall -Werror %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -Wall -Werror %s %autorc_lib -o %t.one && %t.one one | FileCheck --check-prefix=ONE %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { finalized++; }

RC_LIST_OF(node_list, struct node);
RC_LIST_OF(list_list, node_list);

static node_list *one_node(int v) {
    node_list *l = rc_tlist_new(node_list);
    rc_tlist_append(l, node_new(v));
    return l;
}

int main(int argc, char **argv) {
    int c = argc > 1;
    {
        list_list *ll = rc_tlist_new(list_list);
        list_list *src = rc_tlist_new(list_list);
        node_list *nl = rc_tlist_new(node_list);
        rc_tlist_append(src, one_node(1));
        rc_tlist_append(src, one_node(2));
        rc_tlist_append(src, one_node(3));
        rc_tlist_append(ll, rc_tlist_new(node_list));
        // EMIT: rc_tlist_append(ll, (rc__t{{[0-9]+}} = rc_tlist_new(node_list)));
        rc_tlist_append(ll, rc_tlist_pop(src));
        // EMIT: rc_tlist_append(ll, (rc__t{{[0-9]+}} = rc_tlist_pop(src)));
        rc_tlist_set(ll, 0, rc_tlist_new(node_list));
        rc_tlist_insert(ll, 0, rc_tlist_pop_at(src, 0));
        rc_tlist_append(ll, c ? one_node(4) : rc_tlist_new(node_list));
        rc_tlist_append(nl, rc_tlist_pop(rc_tlist_get(ll, 0)));
        printf("popped %d len %zu\n", rc_tlist_get(nl, 0)->value, rc_tlist_len(rc_tlist_pop(src)));
        // CHECK: popped 1 len 1
        rc_tlist_insert(ll, 0, rc_tlist_pop(ll));
        rc_dict *d = rc_dict_new();
        rc_dict_set(d, rc_str_new("k"), rc_tlist_pop(ll));
        printf("ll %zu nl %zu src %zu d %zu count %zu\n", rc_tlist_len(ll), rc_tlist_len(nl),
               rc_tlist_len(src), rc_dict_len(d), rc_getrefcount(rc_tlist_get(ll, 0)));
        // CHECK-NEXT: ll 3 nl 1 src 0 d 1 count 1
        // ONE: ll 3 nl 1 src 0 d 1 count 1
        printf("live %zu\n", rc_live_objects());
        // CHECK-NEXT: live 11
        // ONE-NEXT: live 12
    }
    printf("finalized %d live %zu\n", finalized, rc_live_objects());
    // CHECK-NEXT: finalized 3 live 0
    // ONE-NEXT: finalized 4 live 0
    return 0;
}
