// <autorc.h> found through -I (autorc-cc and pkg-config add -I, not
// -isystem) is warned like the program's own text: a program that declares
// before its statements and is built with -Wdeclaration-after-statement
// -Wpadded -Werror must compile. (Before: 3 "mixing declarations and code"
// warnings from rc_decref, rc__new_inline and rc__release_held, and 2 (clang)
// or 8 (gcc) "padding struct" warnings from the header's structs.)
// RUN: %clang -std=c99 -fsyntax-only -Wdeclaration-after-statement -Werror -I%autorc_include %s
// RUN: %clang -fsyntax-only -Wpadded -Werror -I%autorc_include %s
// RUN: %clang -DAUTORC_STATS -fsyntax-only -Wdeclaration-after-statement -Wpadded -Werror -I%autorc_include %s
// REQUIRES: plugin
// RUN: %autorc_cc -Wdeclaration-after-statement -Wpadded -Werror %s -o %t && %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node {
    struct node *next;
    long value;
};
RC_LIST_OF(node_list, struct node);

static long sum(struct node *n) {
    long s = 0;
    for (; n; n = n->next)
        s += n->value;
    return s;
}

int main(void) {
    struct node *head = NULL;
    node_list *l = rc_tlist_new(node_list);
    int i;
    for (i = 1; i <= 3; i++) {
        struct node *n = rc_new(struct node);
        n->value = i;
        n->next = head;
        head = n;
        rc_tlist_append(l, n);
    }
    printf("%ld %zu\n", sum(head), rc_tlist_len(l));
    // CHECK: 6 3
    return 0;
}
