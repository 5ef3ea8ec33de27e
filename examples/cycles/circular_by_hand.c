/* The seed's circular-reference example against the runtime alone, with
 * every count written by hand — what autorc-cc inserts into circular.c.
 *
 * Build and run, from the repository (plain clang: autorc-cc refuses
 * counting by hand, [autorc-manual]):
 *   clang -Iruntime/include examples/cycles/circular_by_hand.c build/runtime/libautorc.a -o c && ./c */
#include <autorc.h>
#include <stdio.h>

struct my_object {
    const char *name;
    struct my_object *ref;
};

static void my_object_del(struct my_object *self) { printf("Deleting %s\n", self->name); }
RC_TYPE_DEFINE(my_object_type, struct my_object, my_object_del, RC_FIELD(struct my_object, ref));

static struct my_object *my_object_new(const char *name) {
    struct my_object *self = rc_new_typed(struct my_object, my_object_type);
    self->name = name;
    return self;
}

int main(void) {
    struct my_object *obj1 = my_object_new("Object 1"); /* count 1 */
    struct my_object *obj2 = my_object_new("Object 2");
    obj1->ref = rc_incref(obj2); /* obj1.ref = obj2: count 2 */
    obj2->ref = rc_incref(obj1);
    printf("obj1 count %zu, obj2 count %zu\n", rc_getrefcount(obj1), rc_getrefcount(obj2));
    rc_decref(obj1); /* del obj1: count 1, still alive */
    rc_decref(obj2);
    printf("after del: %zu objects alive\n", rc_live_objects());
    long collected = rc_gc_collect(-1);
    printf("Garbage collector: collected %ld objects.\n", collected);
    printf("after collect: %zu objects alive\n", rc_live_objects());
    return 0;
}
