/* bench/dict: rc_dict through the runtime API (counts by hand). Phases are
 * timed in CPU time (CLOCK_PROCESS_CPUTIME_ID: a shared machine descheduling
 * the process does not count), as in dict_glib.c and dict.py. The same
 * operations as dict_glib.c and dict.py; prints one line per phase:
 * "<phase> <seconds>", then "bytes_per_entry <n>" and "checksum <n>".
 *   str_insert  set N string keys (made beforehand) to one value
 *   str_hit     get N keys through equal, distinct string objects (in
 *               another order: every phase visits keys in shuffled order)
 *   str_miss    get N absent keys
 *   str_del     delete every other key
 *   iter        walk the remaining entries
 *   obj_insert  set N identity keys (objects)
 *   obj_hit     get them back
 * bytes_per_entry: malloc'd bytes of the dict of N string keys (mallinfo2
 * difference), keys and values excluded. */
#include <autorc.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Fisher-Yates with a 64-bit LCG: the same permutation in all three
 * programs, so no variant gets keys in hash order (a weak string hash on
 * "key-0", "key-1", ... would otherwise walk its table in memory order). */
static long *shuffled(long n, unsigned long long seed) {
    long *p = malloc(n * sizeof *p);
    for (long i = 0; i < n; i++) p[i] = i;
    for (long i = n - 1; i > 0; i--) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        long j = (long)((seed >> 33) % (unsigned long long)(i + 1)), t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
    return p;
}
static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}
struct obj { long v; };

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    rc_str **keys = malloc(n * sizeof *keys), **probe = malloc(n * sizeof *probe), **miss = malloc(n * sizeof *miss);
    struct obj **objs = malloc(n * sizeof *objs);
    long *pk = shuffled(n, 1), *pp = shuffled(n, 2);
    for (long i = 0; i < n; i++) {
        keys[i] = rc_str_format("key-%ld", pk[i]);
        probe[i] = rc_str_format("key-%ld", pp[i]);
        miss[i] = rc_str_format("absent-%ld", pp[i]);
        objs[i] = rc_new(struct obj);
    }
    struct obj *val = rc_new(struct obj);
    long sum = 0;
    size_t m0 = (mallinfo2().uordblks + mallinfo2().hblkhd);
    double t = now();
    rc_dict *d = rc_dict_new();
    for (long i = 0; i < n; i++) rc_dict_set(d, keys[i], val);
    printf("str_insert %.6f\n", now() - t);
    size_t m1 = (mallinfo2().uordblks + mallinfo2().hblkhd);
    t = now();
    for (long i = 0; i < n; i++) sum += rc_dict_get(d, probe[i]) == val;
    printf("str_hit %.6f\n", now() - t);
    t = now();
    for (long i = 0; i < n; i++) sum += rc_dict_get(d, miss[i]) == NULL;
    printf("str_miss %.6f\n", now() - t);
    t = now();
    for (long i = 0; i < n; i += 2) sum += rc_dict_del(d, probe[i]);
    printf("str_del %.6f\n", now() - t);
    t = now();
    size_t pos = 0;
    void *k, *v;
    while (rc_dict_next(d, &pos, &k, &v)) sum += v == val;
    printf("iter %.6f\n", now() - t);
    rc_dict *o = rc_dict_new();
    t = now();
    for (long i = 0; i < n; i++) rc_dict_set(o, objs[i], val);
    printf("obj_insert %.6f\n", now() - t);
    t = now();
    for (long i = 0; i < n; i++) sum += rc_dict_get(o, objs[i]) == val;
    printf("obj_hit %.6f\n", now() - t);
    printf("bytes_per_entry %.1f\n", (double)(m1 - m0) / n);
    printf("checksum %ld\n", sum);
    rc_decref(d);
    rc_decref(o);
    for (long i = 0; i < n; i++) { rc_decref(keys[i]); rc_decref(probe[i]); rc_decref(miss[i]); rc_decref(objs[i]); }
    rc_decref(val);
    return rc_live_objects() != 0;
}
