/* A scene graph in three files sharing one header of managed types
 * (tests/lit/plugin/run-multifile-make.test). */
#include "shapes.h"
#include <stdio.h>

int main(void) {
    scene *sc = scene_new();
    shape *g = shape_group("house");
    scene_add(sc, NULL, g);
    scene_add(sc, g, shape_rect("wall", 0, 0, 10, 8));
    scene_add(sc, g, shape_rect("door", 4, 0, 2, 4));
    scene_add(sc, NULL, shape_circle("sun", 20, 20, 3));
    g = NULL;
    scene_print(sc);
    shape *d = scene_find(sc, "door");
    printf("door parent %s, first child of house %s\n", rc_str_cstr(d->parent->name),
           rc_str_cstr(shape_first_child(scene_find(sc, "house"))->name));
    d = NULL;
    sc = NULL;
    printf("freed %d live %zu\n", shapes_freed, rc_live_objects());
    return rc_live_objects() != 0;
}
