// A row of cells linked both ways as left/right. The names alone do not
// tell it from a binary tree's left/right (cycle-f02-bintree.c): the code
// does, setting each new cell's left as the mirror of its neighbour's
// right. The row owns each cell through the neighbour's `right`, so
// `left` is the back link. The program prints the row both ways.
#include <autorc.h>
struct RC_MANAGED cell {
    struct cell *left;  // WANT: cycle@row WANT-FIX: RC_WEAK
    struct cell *right; // WANT: cycle@row
    double v;
};

struct cell *row(int n) {
    struct cell *first = rc_new(struct cell), *last = first;
    for (int i = 1; i < n; i++) {
        struct cell *c = rc_new(struct cell);
        c->v = i;
        last->right = c;
        c->left = last;
        last = c;
    }
    return first;
}

#include <stdio.h>

static void run(void) {
    struct cell *first = row(5);
    struct cell *last = first;
    while (last->right)
        last = last->right;
    for (struct cell *c = last; c; c = c->left)
        printf("%g ", c->v);
    printf("\n");
    for (struct cell *c = first; c; c = c->right)
        printf("%g ", c->v);
    printf("\n");
}

int main(void) {
    run();
    printf("live %zu\n", rc_live_objects());
    return 0;
}
