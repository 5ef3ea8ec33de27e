// A DOM-like tree: a document holds its root element; an element holds its
// children in a list, its parent, and its owner document. Two back links,
// both named so (parent, owner_document): one warning for the design
// cycle, with a fix-it for each; the document's root is the only
// reference to the new root element, so it is never suggested.
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED document;
struct RC_MANAGED element {
    rc_list *children; // WANT: cycle@dom
    struct element *parent; // WANT: cycle@dom WANT-FIX: RC_WEAK
    struct document *owner_document; // WANT: cycle@dom WANT-FIX: RC_WEAK
    const char *tag;
};
struct RC_MANAGED document {
    struct element *root; // WANT: cycle@dom
    const char *title;
};

struct element *create_element(struct document *doc, const char *tag) {
    struct element *e = rc_new(struct element);
    e->children = rc_list_new();
    e->owner_document = doc;
    e->tag = tag;
    return e;
}

void append_child(struct element *parent, struct element *child) {
    rc_list_append(parent->children, child);
    child->parent = parent;
}

static int depth(struct element *e) {
    int d = 0;
    for (struct element *p = e->parent; p; p = p->parent)
        d++;
    return d;
}

static void render(struct element *e) {
    printf("%*s<%s> in '%s'\n", 2 * depth(e), "", e->tag, e->owner_document->title);
    for (size_t i = 0; i < rc_list_len(e->children); i++)
        render(rc_list_get(e->children, i));
}

static void build(void) {
    struct document *doc = rc_new(struct document);
    doc->title = "home";
    doc->root = create_element(doc, "html");
    struct element *body = create_element(doc, "body");
    append_child(doc->root, create_element(doc, "head"));
    append_child(doc->root, body);
    for (int i = 0; i < 3; i++) {
        struct element *p = create_element(doc, "p");
        append_child(p, create_element(doc, "span"));
        append_child(body, p);
    }
    render(doc->root);
}

int main(void) {
    build();
    printf("live %zu\n", rc_live_objects());
    return 0;
}
