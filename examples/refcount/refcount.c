/* The seed's reference-count example with the plugin: two variables on one
 * object, counts 1 then 2, and no rc_incref/rc_decref written by hand (the
 * by-hand version is examples/runtime/refcount_by_hand.c). The Python it
 * mirrors:
 *
 *     a = Thing()              # refcount 1
 *     b = a                    # refcount 2
 *     del b; del a             # freed, __del__ runs
 *
 * Build and run:   <build>/bin/autorc-cc refcount.c -o refcount && ./refcount
 * See the rewritten text: add -fplugin-arg-autorc-emit=-  */
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED thing {
    int value;
};

RC_FINALIZER void thing_del(struct thing *self) {
    printf("thing %d finalized\n", self->value);
}

static void scope(void) {
    struct thing *a = rc_new(struct thing); /* a = Thing()  -> count 1 */
    a->value = 42;
    printf("reference count of a: %zu\n", rc_getrefcount(a));
    struct thing *b = a;                    /* b = a        -> count 2 */
    printf("reference count of a: %zu\n", rc_getrefcount(a));
    (void)b;
} /* a and b go out of scope: count 0, the finalizer runs, memory is freed */

int main(void) {
    scope();
    printf("live objects: %zu\n", rc_live_objects());
    return 0;
}
