/* deriv — Perceus suite (Koka's deriv.kk): symbolic derivative of x^x, ten
 * times over, with simplifying constructors; prints the size of each result.
 * Managed types only: no free, no counts by hand. */
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

enum kind { VAL, VAR, ADD, MUL, POW, LN };
struct RC_MANAGED expr {
    struct expr *l, *r;
    long value; /* VAL: the number; VAR: the variable's id */
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
static struct expr *val(long v) { return mk(VAL, v, NULL, NULL); }
static int is_val(struct expr *e, long v) { return e->kind == VAL && e->value == v; }
/* Wrapping arithmetic, as the benchmark's machine integers. */
static long wadd(long a, long b) { return (long)((unsigned long)a + (unsigned long)b); }
static long wmul(long a, long b) { return (long)((unsigned long)a * (unsigned long)b); }
static long pown(long a, long n) {
    long r = 1;
    for (; n > 0; n--) r = wmul(r, a);
    return r;
}

static struct expr *add(struct expr *x, struct expr *y) {
    if (is_val(x, 0)) return y;
    if (is_val(y, 0)) return x;
    if (x->kind == VAL && y->kind == VAL) return val(wadd(x->value, y->value));
    if (y->kind == VAL) return add(y, x);
    if (x->kind == VAL && y->kind == ADD && y->l->kind == VAL) {
        struct expr *c = val(wadd(x->value, y->l->value));
        return add(c, y->r);
    }
    if (x->kind == ADD) {
        struct expr *gh = add(x->r, y);
        return add(x->l, gh);
    }
    return mk(ADD, 0, x, y);
}

static struct expr *mul(struct expr *x, struct expr *y) {
    if (is_val(x, 0) || is_val(y, 0)) return val(0);
    if (is_val(x, 1)) return y;
    if (is_val(y, 1)) return x;
    if (x->kind == VAL && y->kind == VAL) return val(wmul(x->value, y->value));
    if (y->kind == VAL) return mul(y, x);
    if (x->kind == VAL && y->kind == MUL && y->l->kind == VAL) {
        struct expr *c = val(wmul(x->value, y->l->value));
        return mul(c, y->r);
    }
    if (x->kind == MUL) {
        struct expr *gh = mul(x->r, y);
        return mul(x->l, gh);
    }
    return mk(MUL, 0, x, y);
}

static struct expr *powr(struct expr *x, struct expr *y) {
    if (x->kind == VAL && y->kind == VAL) return val(pown(x->value, y->value));
    if (is_val(y, 0)) return val(1);
    if (is_val(y, 1)) return x;
    if (is_val(x, 0)) return val(0);
    return mk(POW, 0, x, y);
}

static struct expr *ln(struct expr *f) {
    if (is_val(f, 1)) return val(0);
    return mk(LN, 0, f, NULL);
}

static struct expr *d(long x, struct expr *f) {
    switch (f->kind) {
    case VAL: return val(0);
    case VAR: return val(f->value == x ? 1 : 0);
    case ADD: {
        struct expr *a = d(x, f->l), *b = d(x, f->r);
        return add(a, b);
    }
    case MUL: {
        struct expr *dg = d(x, f->r), *df = d(x, f->l);
        struct expr *a = mul(f->l, dg), *b = mul(f->r, df);
        return add(a, b);
    }
    case POW: {
        struct expr *df = d(x, f->l), *dg = d(x, f->r);
        struct expr *minus1 = val(-1);
        struct expr *gdf = mul(f->r, df);
        struct expr *fm1 = powr(f->l, minus1);
        struct expr *t1 = mul(gdf, fm1);
        struct expr *lnf = ln(f->l);
        struct expr *t2 = mul(lnf, dg);
        struct expr *sum = add(t1, t2);
        struct expr *p = powr(f->l, f->r);
        return mul(p, sum);
    }
    case LN: {
        struct expr *df = d(x, f->l);
        struct expr *minus1 = val(-1);
        struct expr *inv = powr(f->l, minus1);
        return mul(df, inv);
    }
    }
    abort();
}

static long count(struct expr *f) {
    switch (f->kind) {
    case VAL: case VAR: return 1;
    case LN: return count(f->l);
    default: return count(f->l) + count(f->r);
    }
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10;
    struct expr *x = mk(VAR, 'x', NULL, NULL);
    struct expr *f = powr(x, x);
    for (int i = 0; i < n; i++) {
        f = d('x', f);
        printf("%d count: %ld\n", i + 1, count(f));
    }
    f = NULL;
    x = NULL;
    return rc_live_objects() != 0;
}
