// Sorting an array of managed pointers with qsort only permutes the slots:
// every count stays right, but the array is passed as void *.
#include <autorc.h>
#include <stdlib.h>
struct RC_MANAGED item { int key; };
static int by_key(const void *a, const void *b) {
    return (*(struct item *const *)a)->key - (*(struct item *const *)b)->key;
}
void sort3(struct item *a, struct item *b, struct item *c) {
    struct item *arr[3] = {a, b, c};
    qsort(arr, 3, sizeof arr[0], by_key); // WANT: none
}
