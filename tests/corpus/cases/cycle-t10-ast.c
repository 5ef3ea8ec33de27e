// An AST: first child and next sibling down, parent up.
#include <autorc.h>
struct RC_MANAGED ast {
    struct ast *first_child;
    struct ast *next_sibling;
    struct ast *parent; // WANT: cycle WANT-FIX: RC_WEAK
    int kind;
};

#include <stdio.h>

// A new node becomes its parent's first child.
static struct ast *add_node(struct ast *parent, int kind) {
    struct ast *n = rc_new(struct ast);
    n->kind = kind;
    n->parent = parent;
    if (parent) {
        n->next_sibling = parent->first_child;
        parent->first_child = n;
    }
    return n;
}

static void print_ast(struct ast *n) {
    int depth = 0;
    for (struct ast *p = n->parent; p; p = p->parent)
        depth++;
    printf("%*skind %d\n", 2 * depth, "", n->kind);
    for (struct ast *c = n->first_child; c; c = c->next_sibling)
        print_ast(c);
}

static void run(void) {
    struct ast *unit = add_node(NULL, 0);
    struct ast *fn = add_node(unit, 1);
    add_node(fn, 2);
    struct ast *body = add_node(fn, 3);
    add_node(body, 4);
    add_node(body, 5);
    add_node(unit, 6);
    print_ast(unit);
}

int main(void) {
    run();
    printf("live %zu\n", rc_live_objects());
    return 0;
}
