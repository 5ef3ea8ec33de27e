/* The seed's circular-reference example, with the plugin: two objects that
 * refer to each other are never freed by reference counting alone; the
 * cycle collector finds them, runs their finalizers and frees them. The
 * Python it mirrors:
 *
 *     class MyObject:
 *         def __init__(self, name):
 *             self.name = name
 *             self.ref = None
 *         def __del__(self):
 *             print(f"Deleting {self.name}")
 *
 *     obj1 = MyObject("Object 1")
 *     obj2 = MyObject("Object 2")
 *     obj1.ref = obj2              # circular reference
 *     obj2.ref = obj1
 *     del obj1                     # counts drop to 1, not 0: nothing freed
 *     del obj2
 *     collected = gc.collect()     # finalizers run, both are freed
 *     print(f"Garbage collector: collected {collected} objects.")
 *
 * Build and run:   <build>/bin/autorc-cc circular.c -o circular && ./circular
 * (the plugin warns about the cycle it sees being closed: [autorc-cycle]).
 * Without the plugin, see circular_by_hand.c. */
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED my_object {
    const char *name;
    struct my_object *ref;
};

RC_FINALIZER void my_object_del(struct my_object *self) {
    printf("Deleting %s\n", self->name);
}

static struct my_object *my_object_new(const char *name) {
    struct my_object *self = rc_new(struct my_object);
    self->name = name;
    return self;
}

static void make_cycle(void) {
    struct my_object *obj1 = my_object_new("Object 1");
    struct my_object *obj2 = my_object_new("Object 2");
    obj1->ref = obj2;
    obj2->ref = obj1;
    printf("obj1 count %zu, obj2 count %zu\n", rc_getrefcount(obj1), rc_getrefcount(obj2));
    obj1 = NULL; /* del obj1: its count drops to 1, nothing is freed */
    obj2 = NULL; /* del obj2: likewise */
} /* (leaving the scope would release them too, the last declared first) */

int main(void) {
    make_cycle();
    printf("after del: %zu objects alive\n", rc_live_objects());
    long collected = rc_gc_collect(-1);
    printf("Garbage collector: collected %ld objects.\n", collected);
    printf("after collect: %zu objects alive\n", rc_live_objects());
    return 0;
}
