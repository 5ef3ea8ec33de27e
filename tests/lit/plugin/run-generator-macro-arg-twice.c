// A generator's frame variable passed to a macro whose body uses the
// argument twice (rc_tlist_get reads its list for the element type and for
// the call; a user's SQUARE(x)): the argument is one token of the text,
// rewritten once to the frame field. Before, each expansion rewrote it
// again (`rc__f->bs__f->bs`) and the file did not compile.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -Wall -Werror %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED book { int year; };
RC_LIST_OF(book_list, struct book);
#define SQUARE(x) ((x) * (x))

RC_GENERATOR(int) rc_gen *decades(book_list *bs) {
    for (size_t i = 0; i < rc_tlist_len(bs); i++) {
        struct book *b = rc_tlist_get(bs, (ptrdiff_t)i);
        int y = b->year;
        rc_yield(y / 10 * 10 + SQUARE(y % 2));
    }
}

int main(void) {
    {
        book_list *l = rc_tlist_new(book_list);
        static const int years[] = { 1965, 1815, 1984 };
        for (int i = 0; i < 3; i++) {
            struct book *b = rc_new(struct book);
            b->year = years[i];
            rc_tlist_append(l, b);
        }
        // CHECK: 1961 1811 1980
        rc_gen *g = decades(l);
        for (int d; rc_gen_next(g, &d);) printf("%d ", d);
        printf("\n");
    }
    // CHECK-NEXT: live 0
    printf("live %zu\n", rc_live_objects());
    return 0;
}
