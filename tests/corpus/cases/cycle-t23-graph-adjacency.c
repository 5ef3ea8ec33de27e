// An undirected graph with adjacency lists: each node's list holds its
// neighbours, so every edge is a two-way link between two nodes — a real
// cycle in the data, made by the store that adds the second direction
// (instance level). The lists are containers, so no RC_WEAK can break
// it: the warning has no fix-it (the program must clear the lists, or
// rely on the collector). The type alone (a node with a list of nodes) is
// not warned: that is also the shape of a tree.
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED gnode {
    rc_list *adj;
    int id, seen;
};
struct RC_MANAGED graph {
    rc_list *nodes;
};

struct gnode *graph_add(struct graph *g, int id) {
    struct gnode *n = rc_new(struct gnode);
    n->id = id;
    n->adj = rc_list_new();
    rc_list_append(g->nodes, n);
    return n;
}

void add_edge(struct gnode *a, struct gnode *b) {
    rc_list_append(a->adj, b);
    rc_list_append(b->adj, a); // WANT: cycle
}

static void visit(struct gnode *n) {
    n->seen = 1;
    printf("visit %d\n", n->id);
    for (size_t i = 0; i < rc_list_len(n->adj); i++) {
        struct gnode *m = rc_list_get(n->adj, i);
        if (!m->seen)
            visit(m);
    }
}

static void run(void) {
    struct graph *g = rc_new(struct graph);
    g->nodes = rc_list_new();
    for (int i = 0; i < 6; i++)
        graph_add(g, i);
    for (int i = 0; i < 6; i++)
        add_edge(rc_list_get(g->nodes, (size_t)i), rc_list_get(g->nodes, (size_t)(i * 2 + 1) % 6));
    visit(rc_list_get(g->nodes, 0));
}

int main(void) {
    run();
    printf("live %zu\n", rc_live_objects());
    return 0;
}
