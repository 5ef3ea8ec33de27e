// The seed: two objects referring to each other.
#include <autorc.h>
#include <stdio.h>
struct RC_MANAGED obj { struct obj *ref; const char *name; };
int main(void) {
    struct obj *obj1 = rc_new(struct obj);
    struct obj *obj2 = rc_new(struct obj);
    obj1->ref = obj2;
    obj2->ref = obj1; // WANT: cycle
    printf("%s\n", "done");
    return 0;
}
