#include "stack.h"
#include <stdio.h>

int main(void) {
    struct item *top = NULL;
    for (int i = 1; i <= 5; i++)
        top = push(top, i);
    int sum = 0;
    for (struct item *it = top; it; it = below(it))
        sum += it->value;
    printf("sum %d live %zu\n", sum, rc_live_objects());
    top = NULL;
    printf("finalized %d live %zu\n", items_finalized, rc_live_objects());
    return 0;
}
