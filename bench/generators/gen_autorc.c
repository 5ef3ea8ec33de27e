/* bench/generators — a generator advanced N times (default 10 million) and
 * its values summed: autorc's RC_GENERATOR against CPython's generator
 * (gen.py) and a plain C loop (gen_loop.c, the floor). Prints the sum. */
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

RC_GENERATOR(long) rc_gen *numbers(long n) {
    for (long i = 0; i < n; i++) rc_yield(i);
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 10000000;
    long total = 0;
    rc_gen *g = numbers(n);
    for (long v; rc_gen_next(g, &v);) total += v;
    printf("%ld\n", total);
    return 0;
}
