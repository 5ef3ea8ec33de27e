/* cfold — Perceus suite (Koka's cfold.kk): build an expression tree of depth
 * 20, reassociate it, fold constants, and check that evaluation agrees.
 * Managed types only: no free, no counts by hand. */
#include <autorc.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>

enum kind { VAR, VAL, ADD, MUL };
struct RC_MANAGED expr {
    struct expr *l, *r;
    long value;
    enum kind kind;
};

static struct expr *mk(enum kind k, long v, struct expr *l, struct expr *r) {
    struct expr *e = rc_new(struct expr);
    e->kind = k;
    e->value = v;
    e->l = l;
    e->r = r;
    return e;
}

static struct expr *mk_expr(long n, long v) {
    if (n == 0) return v == 0 ? mk(VAR, 1, NULL, NULL) : mk(VAL, v, NULL, NULL);
    struct expr *a = mk_expr(n - 1, v + 1);
    struct expr *b = mk_expr(n - 1, v > 1 ? v - 1 : 0);
    return mk(ADD, 0, a, b);
}

static struct expr *append(enum kind k, struct expr *e0, struct expr *e3) {
    if (e0->kind == k) {
        struct expr *rest = append(k, e0->r, e3);
        return mk(k, 0, e0->l, rest);
    }
    return mk(k, 0, e0, e3);
}

static struct expr *reassoc(struct expr *e) {
    if (e->kind == ADD || e->kind == MUL) {
        struct expr *a = reassoc(e->l), *b = reassoc(e->r);
        return append(e->kind, a, b);
    }
    return e;
}

static long op(enum kind k, long a, long b) {
    return k == ADD ? (long)((unsigned long)a + (unsigned long)b)
                    : (long)((unsigned long)a * (unsigned long)b);
}

static struct expr *cfold(struct expr *e) {
    if (e->kind != ADD && e->kind != MUL) return e;
    struct expr *a = cfold(e->l), *b = cfold(e->r);
    if (a->kind == VAL) {
        if (b->kind == VAL) return mk(VAL, op(e->kind, a->value, b->value), NULL, NULL);
        if (b->kind == e->kind && b->l->kind == VAL) {
            struct expr *c = mk(VAL, op(e->kind, a->value, b->l->value), NULL, NULL);
            return mk(e->kind, 0, c, b->r);
        }
        if (b->kind == e->kind && b->r->kind == VAL) {
            struct expr *c = mk(VAL, op(e->kind, a->value, b->r->value), NULL, NULL);
            return mk(e->kind, 0, c, b->l);
        }
    }
    return mk(e->kind, 0, a, b);
}

static long eval(struct expr *e) {
    switch (e->kind) {
    case VAR: return 0;
    case VAL: return e->value;
    default: return op(e->kind, eval(e->l), eval(e->r));
    }
}

static long n = 20;
static int status;

/* The reassociated expression is a chain of a million nodes, and append,
 * cfold and eval recurse along it (as in Koka): run on a 1 GiB stack. */
static void *run(void *arg) {
    struct expr *e = mk_expr(n, 1);
    long v1 = eval(e);
    struct expr *r = reassoc(e);
    struct expr *f = cfold(r);
    long v2 = eval(f);
    printf("%ld, %ld\n", v1, v2);
    status = v1 != v2;
    return arg;
}

int main(int argc, char **argv) {
    if (argc > 1) n = atol(argv[1]);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, (size_t)1 << 30);
    pthread_t t;
    if (pthread_create(&t, &attr, run, NULL) != 0) return 2;
    pthread_join(t, NULL);
    return status || rc_live_objects() != 0;
}
