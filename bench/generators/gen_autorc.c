/* bench/generators — a generator advanced N times (default 10 million) and
 * its values summed: autorc's RC_GENERATOR against CPython's generator
 * (gen.py) and a plain C loop (gen_loop.c, the floor). Prints the sum, and
 * on stderr the loop's own CPU time (process startup excluded). */
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double cpu_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

RC_GENERATOR(long) rc_gen *numbers(long n) {
    for (long i = 0; i < n; i++) rc_yield(i);
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 10000000;
    long total = 0;
    double t0 = cpu_seconds();
    rc_gen *g = numbers(n);
    for (long v; rc_gen_next(g, &v);) total += v;
    double t1 = cpu_seconds();
    printf("%ld\n", total);
    fprintf(stderr, "loop-seconds %.6f\n", t1 - t0);
    return 0;
}
