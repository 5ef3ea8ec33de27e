/* bench/generators — the same sum as gen_autorc.c as a plain loop (the
 * floor: what a generator step costs on top of the work). Prints the sum,
 * and on stderr the loop's own CPU time. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double cpu_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 10000000;
    volatile long total = 0;
    double t0 = cpu_seconds();
    for (long i = 0; i < n; i++) total += i;
    double t1 = cpu_seconds();
    printf("%ld\n", total);
    fprintf(stderr, "loop-seconds %.6f\n", t1 - t0);
    return 0;
}
