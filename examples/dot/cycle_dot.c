/* The seed's two-object cycle (obj1.ref = obj2, obj2.ref = obj1), drawn as
 * objgraph would: rc_gc_dump_dot writes Graphviz DOT of what obj1 refers to
 * and what refers to it. render.sh turns the DOT into cycle.png.
 *
 * The type and the counts are by hand (plain clang, not autorc-cc: README.md);
 * the field names label the edges "ref", as the plugin's descriptor would. */
#include <autorc.h>
#include <stdio.h>
#include <string.h>

struct my_object {
    struct my_object *ref;
    char name[16];
};

static void my_object_finalize(void *self) {
    printf("Deleting %s\n", ((struct my_object *)self)->name);
}

static const uint32_t my_object_strong[] = {offsetof(struct my_object, ref)};
static const char *const my_object_names[] = {"ref"};
static const rc_type my_object_type = {
    .name = "struct my_object",
    .size = sizeof(struct my_object),
    .strong = my_object_strong,
    .nstrong = 1,
    .strong_names = my_object_names,
    .finalize = my_object_finalize,
};

static struct my_object *my_object_new(const char *name) {
    struct my_object *o = rc_new_typed(struct my_object, my_object_type);
    snprintf(o->name, sizeof o->name, "%s", name);
    return o;
}

int main(int argc, char **argv) {
    FILE *out = stdout;
    if (argc > 1 && !(out = fopen(argv[1], "w"))) {
        perror(argv[1]);
        return 1;
    }
    rc_tracemalloc_start(1); /* so the nodes show their allocation sites */
    struct my_object *obj1 = my_object_new("Object 1");
    struct my_object *obj2 = my_object_new("Object 2");
    obj1->ref = rc_incref(obj2);
    obj2->ref = rc_incref(obj1);

    rc_gc_dump_dot(obj1, 3, out);
    if (out != stdout) fclose(out);

    rc_decref(obj1); /* del obj1, obj2: the cycle keeps both alive */
    rc_decref(obj2);
    long found = rc_gc_collect(-1);
    fprintf(stderr, "collected %ld unreachable objects\n", found);
    rc_tracemalloc_stop();
    return 0;
}
