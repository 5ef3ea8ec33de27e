#include "shapes.h"
#include <stdio.h>

int shapes_freed;
void shape_fin(shape *s) { shapes_freed++; printf("  free %s\n", rc_str_cstr(s->name)); }

static shape *shape_make(enum shape_kind k, const char *name) {
    shape *s = rc_new(shape);
    s->kind = k;
    s->name = rc_str_new(name);
    return s;
}
shape *shape_circle(const char *name, double x, double y, double r) {
    shape *s = shape_make(CIRCLE, name);
    s->x = x; s->y = y; s->a = r;
    return s;
}
shape *shape_rect(const char *name, double x, double y, double w, double h) {
    shape *s = shape_make(RECT, name);
    s->x = x; s->y = y; s->a = w; s->b = h;
    return s;
}
shape *shape_group(const char *name) {
    shape *s = shape_make(GROUP, name);
    s->children = rc_list_new();
    return s;
}
void shape_add(shape *group, shape *child) {
    rc_list_append(group->children, child);
    child->parent = group;
}
double shape_area(const shape *s) {
    switch (s->kind) {
    case CIRCLE: return 3.14159 * s->a * s->a;
    case RECT: return s->a * s->b;
    case GROUP: {
        double t = 0;
        for (size_t i = 0; i < rc_list_len(s->children); i++) t += shape_area(rc_list_get(s->children, (ptrdiff_t)i));
        return t;
    }
    }
    return 0;
}
