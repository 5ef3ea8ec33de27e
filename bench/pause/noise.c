/* bench/pause/noise.c: how long a fixed, small piece of memory-bound work
 * takes in the thread's CPU time on this machine, with no collector at
 * all -- the floor under bench/pause's maxima. Each chunk makes 500 random
 * read-modify-writes over a 100 MiB array (as a collector's unit of work
 * misses the caches); the program prints the distribution of the chunks'
 * CPU times and how many took over 300 and 500 us. On a loaded machine a
 * chunk of ~10 us occasionally takes half a millisecond (the caches and
 * memory shared with other processes, page-table and interrupt work charged
 * to the thread): a pause bound that the collector sets for its own work
 * cannot remove those.
 * Build: cc -O1 noise.c -o noise;  noise [CHUNKS=50000] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double cpu_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec * 1e-3;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 50000;
    size_t words = (100u << 20) / sizeof(uint64_t);
    uint64_t *heap = malloc(words * sizeof *heap);
    double *us = malloc((size_t)n * sizeof *us);
    if (!heap || !us || n < 1) return 1;
    for (size_t i = 0; i < words; i++) heap[i] = i * 2654435761u; /* every page touched first */
    uint64_t x = 1, sum = 0;
    for (int i = 0; i < n; i++) {
        double t0 = cpu_us();
        for (int k = 0; k < 500; k++) {
            x = x * 6364136223846793005u + 1442695040888963407u;
            sum += heap[(x >> 20) % words]++;
        }
        us[i] = cpu_us() - t0;
    }
    qsort(us, (size_t)n, sizeof *us, cmp);
    int over300 = 0, over500 = 0;
    for (int i = 0; i < n; i++) {
        over300 += us[i] > 300;
        over500 += us[i] > 500;
    }
    printf("%d chunks of 500 random accesses over 100 MiB, CPU time: median %.1f us, p99 %.1f, "
           "p99.9 %.1f, max %.1f; over 300 us: %d, over 500 us: %d (%llu)\n",
           n, us[n / 2], us[n * 99 / 100], us[n * 999 / 1000], us[n - 1], over300, over500,
           (unsigned long long)(sum & 1));
    return 0;
}
