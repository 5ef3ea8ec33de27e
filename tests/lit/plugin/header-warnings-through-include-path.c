// <autorc.h> found through -I (autorc-cc and pkg-config add -I, not
// -isystem) is not a system header, so its own text is warned like the
// program's: a clean program compiles with -Wcast-qual -Werror and with
// -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror, with and without
// the plugin. The plugin-support helpers take `const void *` and cast the
// const away on purpose. (Before: 12 "cast from 'const void *' to 'void *'
// drops const qualifier" warnings from autorc.h under -Wcast-qual.)
// RUN: %clang -fsyntax-only -Wcast-qual -Werror -I%autorc_include %s
// RUN: %clang -fsyntax-only -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Wcast-qual -Werror -I%autorc_include %s
// REQUIRES: plugin
// RUN: %autorc_cc -Wcast-qual -Werror %s -o %t && %t | FileCheck %s
// RUN: %autorc_cc -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Wcast-qual -Werror -c %s -o %t.o
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node {
    struct node *next;
    int value;
};
RC_LIST_OF(node_list, struct node);

int main(void) {
    struct node *n = rc_new(struct node);
    n->value = 1;
    node_list *l = rc_tlist_new(node_list);
    rc_tlist_append(l, n);
    rc_dict *d = rc_dict_new();
    rc_dict_set(d, rc_str_new("k"), n);
    printf("%d %zu\n", rc_tlist_get(l, 0)->value, rc_dict_len(d));
    // CHECK: 1 1
    return 0;
}
