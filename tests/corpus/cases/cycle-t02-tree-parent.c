// A tree whose children point back to their parent.
#include <autorc.h>
struct RC_MANAGED tnode {
    struct tnode *child[8];
    struct tnode *parent; // WANT: cycle WANT-FIX: RC_WEAK
};

#include <stdio.h>

static struct tnode *add_child(struct tnode *p, int i) {
    struct tnode *c = rc_new(struct tnode);
    c->parent = p;
    p->child[i] = c;
    return c;
}

static int depth(struct tnode *n) {
    int d = 0;
    for (struct tnode *p = n->parent; p; p = p->parent)
        d++;
    return d;
}

static void run(void) {
    struct tnode *root = rc_new(struct tnode);
    for (int i = 0; i < 3; i++) {
        struct tnode *c = add_child(root, i);
        for (int j = 0; j < 2; j++) {
            struct tnode *leaf = add_child(c, j);
            printf("leaf %d.%d depth %d\n", i, j, depth(leaf));
        }
    }
}

int main(void) {
    run();
    printf("live %zu\n", rc_live_objects());
    return 0;
}
