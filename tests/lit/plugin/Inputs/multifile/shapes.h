#ifndef SHAPES_H
#define SHAPES_H
#include <autorc.h>

typedef struct RC_MANAGED shape shape;
typedef struct RC_MANAGED scene scene;

enum shape_kind { CIRCLE, RECT, GROUP };

struct RC_MANAGED shape {
    enum shape_kind kind;
    double x, y, a, b;
    rc_str *name;
    rc_list *children;             /* GROUP */
    RC_WEAK shape *parent;
};

struct RC_MANAGED scene {
    shape *root;
    rc_dict *by_name;
    int nshapes;
};

RC_FINALIZER void shape_fin(shape *s);
extern int shapes_freed;

shape *shape_circle(const char *name, double x, double y, double r);
shape *shape_rect(const char *name, double x, double y, double w, double h);
shape *shape_group(const char *name);
void shape_add(shape *group, shape *child);
double shape_area(const shape *s);

scene *scene_new(void);
void scene_add(scene *sc, shape *parent, shape *s);
shape *scene_find(scene *sc, const char *name) RC_RETURNS_BORROWED;
void scene_print(const scene *sc);

static inline shape *shape_first_child(const shape *g) {
    return g->children && rc_list_len(g->children) ? rc_list_get(g->children, 0) : NULL;
}
#endif
