/* The seed's tracemalloc example in C: a million small objects appended to
 * an rc_list between two snapshots; compare_to names the rc_new line.
 *
 *   Python                                  C (this file)
 *   tracemalloc.start()                     rc_tracemalloc_start(1)
 *   snapshot1 = tracemalloc.take_snapshot() rc_tracemalloc_take_snapshot()
 *   large_list = create_large_list()        create_large_list()
 *   snapshot2 = tracemalloc.take_snapshot()
 *   snapshot2.compare_to(snapshot1, 'lineno')
 *
 * Written against the runtime by hand (rc_new, rc_list_append, rc_decref),
 * so plain clang builds it, not autorc-cc ([autorc-manual]); see README.md. */
#include <autorc.h>
#include <stdio.h>

struct item {
    long value;
};

static rc_list *create_large_list(void) {
    rc_list *list = rc_list_new();
    for (long i = 0; i < 1000000; i++) {
        struct item *it = rc_new(struct item);
        it->value = i;
        rc_list_append(list, it); /* the list takes its own reference */
        rc_decref(it);
    }
    return list;
}

int main(void) {
    rc_tracemalloc_start(1);
    rc_snapshot *snapshot1 = rc_tracemalloc_take_snapshot();
    rc_list *large_list = create_large_list();
    rc_snapshot *snapshot2 = rc_tracemalloc_take_snapshot();

    rc_stats *top_stats = rc_snapshot_compare_to(snapshot2, snapshot1, RC_KEY_LINENO);
    printf("[ Top 10 differences ]\n");
    rc_stats_print(top_stats, 10, stdout);

    size_t current, peak;
    rc_tracemalloc_get_traced_memory(&current, &peak);
    printf("traced memory: current %zu B, peak %zu B\n", current, peak);

    rc_decref(top_stats);
    rc_decref(snapshot2);
    rc_decref(snapshot1);
    rc_decref(large_list);
    rc_tracemalloc_stop();
    return 0;
}
