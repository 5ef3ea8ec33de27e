/* nqueens — Perceus suite (Koka's nqueens.kk): all solutions of the n-queens
 * problem as lists of lists (every cons cell a managed object), counted.
 * nqueens 13 = 73712. Managed types only: no free, no counts by hand. */
#include <autorc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED ints { struct ints *tail; int head; };        /* List<int> */
struct RC_MANAGED sols { struct sols *tail; struct ints *head; }; /* List<List<int>> */

static struct ints *icons(int h, struct ints *t) {
    struct ints *c = rc_new(struct ints);
    c->head = h;
    c->tail = t;
    return c;
}
static struct sols *scons(struct ints *h, struct sols *t) {
    struct sols *c = rc_new(struct sols);
    c->head = h;
    c->tail = t;
    return c;
}

static bool safe(int queen, struct ints *diag, int d) {
    for (struct ints *q = diag; q; q = q->tail, d++)
        if (queen == q->head || queen == q->head + d || queen == q->head - d) return false;
    return true;
}

/* All ways to append a safe queen (1..n) to each partial solution. */
static struct sols *append_safe(int n, struct ints *soln, struct sols *acc) {
    struct sols *out = acc;
    for (int k = n; k >= 1; k--)
        if (safe(k, soln, 1)) out = scons(icons(k, soln), out);
    return out;
}

static struct sols *extend(int n, struct sols *solns) {
    struct sols *acc = NULL;
    for (struct sols *s = solns; s; s = s->tail) acc = append_safe(n, s->head, acc);
    return acc;
}

static struct sols *find_solutions(int n, int k) {
    struct sols *s = scons(NULL, NULL);
    for (int i = 0; i < k; i++) s = extend(n, s);
    return s;
}

static long length(struct sols *s) {
    long n = 0;
    for (; s; s = s->tail) n++;
    return n;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 13;
    struct sols *s = find_solutions(n, n);
    printf("%ld\n", length(s));
    s = NULL;
    return rc_live_objects() != 0;
}
