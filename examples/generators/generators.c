/* The seed's generator example in C, and what a generator saves.
 *
 *   Python                                  C (this file, built with autorc-cc)
 *   def generate_numbers(n):                RC_GENERATOR(long) rc_gen *generate_numbers(long n) {
 *       for i in range(n):                      for (long i = 0; i < n; i++) rc_yield(i);
 *           yield i                         }
 *   for num in generate_numbers(1000000):   rc_gen *g = generate_numbers(1000000);
 *       print(num)                          for (long num; rc_gen_next(g, &num);) {
 *       if num > 100:                           printf("%ld\n", num);
 *           break                               if (num > 100) break;
 *                                           }
 *
 * Then tracemalloc's peak while summing a million numbers two ways: built
 * into a million-element rc_list first (a million boxed objects plus the
 * list), or drawn one at a time from a generator (one small object). */
#include <autorc.h>
#include <stdio.h>

RC_GENERATOR(long) rc_gen *generate_numbers(long n) {
    for (long i = 0; i < n; i++) rc_yield(i);
}

struct RC_MANAGED boxed {
    long value;
};

static rc_list *build_list(long n) {
    rc_list *l = rc_list_new();
    for (long i = 0; i < n; i++) {
        struct boxed *b = rc_new(struct boxed);
        b->value = i;
        rc_list_append(l, b);
    }
    return l;
}

static long sum_list(long n) {
    rc_list *l = build_list(n);
    long total = 0;
    rc_list_foreach(struct boxed *, b, l) total += b->value;
    return total;
}

static long sum_generator(long n) {
    rc_gen *g = generate_numbers(n);
    long total = 0;
    for (long v; rc_gen_next(g, &v);) total += v;
    return total;
}

static void measure(const char *what, long (*sum)(long)) {
    rc_tracemalloc_reset_peak();
    size_t before, current, peak;
    rc_tracemalloc_get_traced_memory(&before, &peak);
    long total = sum(1000000);
    rc_tracemalloc_get_traced_memory(&current, &peak);
    printf("%s: sum %ld, peak %zu B above the start\n", what, total, peak - before);
}

int main(void) {
    rc_gen *g = generate_numbers(1000000);
    for (long num; rc_gen_next(g, &num);) {
        printf("%ld\n", num);
        if (num > 100) break;
    }

    rc_tracemalloc_start(1);
    measure("rc_list of a million", sum_list);
    measure("generator", sum_generator);
    rc_tracemalloc_stop();
    return 0;
}
