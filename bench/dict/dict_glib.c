/* bench/dict: glib's GHashTable (g_str_hash/g_str_equal for strings,
 * g_direct_hash for identity keys), the operations of dict_autorc.c. The
 * strings are plain malloc'd C strings (the table does not own them). */
#include <glib.h>
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
static char *fmt(const char *p, long i) {
    char b[32];
    snprintf(b, sizeof b, "%s%ld", p, i);
    return g_strdup(b);
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    char **keys = malloc(n * sizeof *keys), **probe = malloc(n * sizeof *probe), **miss = malloc(n * sizeof *miss);
    long **objs = malloc(n * sizeof *objs);
    long *pk = shuffled(n, 1), *pp = shuffled(n, 2);
    for (long i = 0; i < n; i++) {
        keys[i] = fmt("key-", pk[i]);
        probe[i] = fmt("key-", pp[i]);
        miss[i] = fmt("absent-", pp[i]);
        objs[i] = g_malloc0(sizeof(long));
    }
    long *val = g_malloc0(sizeof(long));
    long sum = 0;
    size_t m0 = (mallinfo2().uordblks + mallinfo2().hblkhd);
    double t = now();
    GHashTable *d = g_hash_table_new(g_str_hash, g_str_equal);
    for (long i = 0; i < n; i++) g_hash_table_insert(d, keys[i], val);
    printf("str_insert %.6f\n", now() - t);
    size_t m1 = (mallinfo2().uordblks + mallinfo2().hblkhd);
    t = now();
    for (long i = 0; i < n; i++) sum += g_hash_table_lookup(d, probe[i]) == val;
    printf("str_hit %.6f\n", now() - t);
    t = now();
    for (long i = 0; i < n; i++) sum += g_hash_table_lookup(d, miss[i]) == NULL;
    printf("str_miss %.6f\n", now() - t);
    t = now();
    for (long i = 0; i < n; i += 2) sum += g_hash_table_remove(d, probe[i]);
    printf("str_del %.6f\n", now() - t);
    t = now();
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, d);
    while (g_hash_table_iter_next(&it, &k, &v)) sum += v == val;
    printf("iter %.6f\n", now() - t);
    GHashTable *o = g_hash_table_new(g_direct_hash, g_direct_equal);
    t = now();
    for (long i = 0; i < n; i++) g_hash_table_insert(o, objs[i], val);
    printf("obj_insert %.6f\n", now() - t);
    t = now();
    for (long i = 0; i < n; i++) sum += g_hash_table_lookup(o, objs[i]) == val;
    printf("obj_hit %.6f\n", now() - t);
    printf("bytes_per_entry %.1f\n", (double)(m1 - m0) / n);
    printf("checksum %ld\n", sum);
    g_hash_table_destroy(d);
    g_hash_table_destroy(o);
    return 0;
}
