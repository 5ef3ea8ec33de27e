#include "shapes.h"
#include <stdio.h>

scene *scene_new(void) {
    scene *sc = rc_new(scene);
    sc->root = shape_group("root");
    sc->by_name = rc_dict_new();
    rc_dict_set(sc->by_name, sc->root->name, sc->root);
    sc->nshapes = 1;
    return sc;
}
void scene_add(scene *sc, shape *parent, shape *s) {
    shape_add(parent ? parent : sc->root, s);
    rc_dict_set(sc->by_name, s->name, s);
    sc->nshapes++;
}
shape *scene_find(scene *sc, const char *name) {
    rc_str *k = rc_str_new(name);
    return rc_dict_get(sc->by_name, k);
}
static void print_rec(const shape *s, int depth) {
    printf("%*s%s area %.2f%s%s\n", depth * 2, "", rc_str_cstr(s->name), shape_area(s),
           s->parent ? " in " : "", s->parent ? rc_str_cstr(s->parent->name) : "");
    if (s->kind == GROUP)
        for (size_t i = 0; i < rc_list_len(s->children); i++) print_rec(rc_list_get(s->children, (ptrdiff_t)i), depth + 1);
}
void scene_print(const scene *sc) { print_rec(sc->root, 0); printf("%d shapes\n", sc->nshapes); }
