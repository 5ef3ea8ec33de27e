/* A read through an RC_UNOWNED pointer after its object was released: the
 * use after free that an ASan build of a program should report. The
 * object's block goes back to its pool, so only a runtime whose pools
 * poison free blocks lets ASan see it. */
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node { long value; struct node *next; };

int main(void) {
    RC_UNOWNED struct node *raw;
    {
        struct node *n = rc_new(struct node);
        n->value = 42;
        raw = n;
    } /* n released here: the last reference */
    printf("read after release: %ld\n", raw->value); /* line 17 */
    return 0;
}
