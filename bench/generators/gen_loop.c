/* bench/generators — the same sum as gen_autorc.c as a plain loop (the
 * floor: what a generator step costs on top of the work). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 10000000;
    volatile long total = 0;
    for (long i = 0; i < n; i++) total += i;
    printf("%ld\n", total);
    return 0;
}
