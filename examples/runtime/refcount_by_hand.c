/* The seed's reference-count example, written against the runtime by hand
 * (plain clang, not autorc-cc: see ../README.md): two variables on one
 * object, counts 1 then 2. With the plugin
 * the rc_incref/rc_decref calls disappear: see examples/refcount/. */
#include <autorc.h>
#include <stdio.h>

struct thing { int value; };

int main(void) {
    struct thing *a = rc_new(struct thing); /* a = Thing()  -> count 1 */
    printf("reference count of a: %zu\n", rc_getrefcount(a));
    struct thing *b = rc_incref(a);         /* b = a        -> count 2 */
    printf("reference count of a: %zu\n", rc_getrefcount(a));
    rc_decref(b);                           /* del b */
    rc_decref(a);                           /* del a        -> freed */
    printf("live objects: %zu\n", rc_live_objects());
    return 0;
}
