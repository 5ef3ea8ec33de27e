// GUI widgets: children in an rc_list, a strong parent link.
#include <autorc.h>
struct RC_MANAGED widget {
    rc_list *children;
    struct widget *parent; // WANT: cycle WANT-FIX: RC_WEAK
    int x, y;
};

#include <stdio.h>

static struct widget *add_widget(struct widget *parent, int x, int y) {
    struct widget *w = rc_new(struct widget);
    w->children = rc_list_new();
    w->x = x;
    w->y = y;
    w->parent = parent;
    if (parent)
        rc_list_append(parent->children, w);
    return w;
}

// Positions are relative to the parent: walk up to place a widget.
static void print_tree(struct widget *w, int depth) {
    int ax = 0, ay = 0;
    for (struct widget *p = w; p; p = p->parent) {
        ax += p->x;
        ay += p->y;
    }
    printf("%*swidget at (%d, %d)\n", 2 * depth, "", ax, ay);
    for (size_t i = 0; i < rc_list_len(w->children); i++)
        print_tree(rc_list_get(w->children, i), depth + 1);
}

static void run(void) {
    struct widget *window = add_widget(NULL, 10, 10);
    struct widget *panel = add_widget(window, 5, 5);
    add_widget(panel, 1, 2);
    add_widget(panel, 3, 4);
    add_widget(window, 0, 40);
    print_tree(window, 0);
}

int main(void) {
    run();
    printf("live %zu\n", rc_live_objects());
    return 0;
}
