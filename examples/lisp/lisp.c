/* examples/lisp — a tiny Lisp: reader, AST of managed cells, environment chain, closures
   (struct + function pointer for builtins + captured managed env),
   recursive definitions (env <-> closure cycles, freed by the collector). */
#include <autorc.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { K_NUM, K_SYM, K_PAIR, K_FN, K_BUILTIN };
typedef struct val val;
typedef struct env env;
typedef val *(*builtin_fn)(val *args);

struct RC_MANAGED val {
    enum kind kind;
    long num;
    rc_str *sym;
    val *car, *cdr;      /* pair; for K_FN: params, body */
    env *closure;        /* K_FN */
    builtin_fn fn;       /* K_BUILTIN */
};
struct RC_MANAGED env { rc_dict *vars; env *parent; };

static val *num(long n) { val *v = rc_new(val); v->kind = K_NUM; v->num = n; return v; }
static val *sym(const char *s, size_t n) { val *v = rc_new(val); v->kind = K_SYM; v->sym = rc_str_intern(rc_str_from_len(s, n)); return v; }
static val *cons(val *a, val *d) { val *v = rc_new(val); v->kind = K_PAIR; v->car = a; v->cdr = d; return v; }

static env *env_new(env *parent) { env *e = rc_new(env); e->vars = rc_dict_new(); e->parent = parent; return e; }
static val *lookup(env *e, rc_str *name) RC_RETURNS_BORROWED;
static val *lookup(env *e, rc_str *name) {
    for (; e; e = e->parent) {
        if (rc_dict_contains(e->vars, name))
            return rc_dict_get(e->vars, name);
    }
    fprintf(stderr, "unbound %s\n", rc_str_cstr(name));
    exit(1);
}

/* reader */
static const char *src;
static void skip(void) { while (isspace((unsigned char)*src)) src++; }
static val *read_expr(void);
static val *read_list(void) {
    skip();
    if (*src == ')') { src++; return NULL; }
    val *head = read_expr();
    return cons(head, read_list());
}
static val *read_expr(void) {
    skip();
    if (*src == '(') { src++; return read_list(); }
    const char *s = src;
    while (*src && !isspace((unsigned char)*src) && *src != '(' && *src != ')') src++;
    if (isdigit((unsigned char)*s) || (*s == '-' && src - s > 1))
        return num(strtol(s, NULL, 10));
    return sym(s, (size_t)(src - s));
}

static int is(const val *v, const char *s) { return v && v->kind == K_SYM && strcmp(rc_str_cstr(v->sym), s) == 0; }

static val *eval(val *x, env *e);
static val *eval_list(val *xs, env *e) { return xs ? cons(eval(xs->car, e), eval_list(xs->cdr, e)) : NULL; }

static val *apply(val *f, val *args) {
    if (f->kind == K_BUILTIN) return f->fn(args);
    env *local = env_new(f->closure);
    val *p = f->car, *a = args;
    for (; p; p = p->cdr, a = a->cdr)
        rc_dict_set(local->vars, p->car->sym, a->car);
    val *result = NULL;
    for (val *b = f->cdr; b; b = b->cdr)
        result = eval(b->car, local);
    return result;
}

static val *eval(val *x, env *e) {
    if (!x) return NULL;
    switch (x->kind) {
    case K_NUM: return x;
    case K_SYM: return lookup(e, x->sym);
    default: break;
    }
    val *op = x->car;
    if (is(op, "quote")) return x->cdr->car;
    if (is(op, "if")) {
        val *c = eval(x->cdr->car, e);
        return eval(c && (c->kind != K_NUM || c->num) ? x->cdr->cdr->car : x->cdr->cdr->cdr->car, e);
    }
    if (is(op, "define")) {
        val *v = eval(x->cdr->cdr->car, e);
        rc_dict_set(e->vars, x->cdr->car->sym, v);
        return v;
    }
    if (is(op, "lambda")) {
        val *f = rc_new(val);
        f->kind = K_FN;
        f->car = x->cdr->car;
        f->cdr = x->cdr->cdr;
        f->closure = e;
        return f;
    }
    val *f = eval(op, e);
    val *args = eval_list(x->cdr, e);
    return apply(f, args);
}

static val *b_add(val *a) { long s = 0; for (; a; a = a->cdr) s += a->car->num; return num(s); }
static val *b_sub(val *a) { long s = a->car->num; for (a = a->cdr; a; a = a->cdr) s -= a->car->num; return num(s); }
static val *b_mul(val *a) { long s = 1; for (; a; a = a->cdr) s *= a->car->num; return num(s); }
static val *b_lt(val *a) { return num(a->car->num < a->cdr->car->num); }
static val *b_cons(val *a) { return cons(a->car, a->cdr->car); }
static val *b_car(val *a) { return a->car->car; }
static val *b_cdr(val *a) { return a->car->cdr; }

static void defb(env *e, const char *name, builtin_fn fn) {
    val *b = rc_new(val);
    b->kind = K_BUILTIN;
    b->fn = fn;
    rc_str *k = rc_str_new(name);
    rc_dict_set(e->vars, k, b);
}

static void print(const val *v) {
    if (!v) { printf("()"); return; }
    switch (v->kind) {
    case K_NUM: printf("%ld", v->num); break;
    case K_SYM: printf("%s", rc_str_cstr(v->sym)); break;
    case K_FN: printf("<fn>"); break;
    case K_BUILTIN: printf("<builtin>"); break;
    case K_PAIR:
        printf("(");
        for (const val *p = v; p; p = p->cdr) {
            print(p->car);
            if (p->cdr) printf(" ");
        }
        printf(")");
    }
}

static const char *program[] = {
    "(define fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))",
    "(fact 10)",
    "(define make-adder (lambda (k) (lambda (x) (+ x k))))",
    "(define add5 (make-adder 5))",
    "(add5 37)",
    "((make-adder 100) 1)",
    "(define range (lambda (a b) (if (< a b) (cons a (range (+ a 1) b)) (quote ()))))",
    "(range 0 10)",
    "(define map (lambda (f l) (if l (cons (f (car l)) (map f (cdr l))) l)))",
    "(map add5 (range 0 5))",
    "(define counter (lambda (n) (lambda () (define n (+ n 1)) n)))",
    "(define c (counter 10))",
    "(c)", "(c)",
    "(quote (a b (c d) 42))",
};

int main(void) {
    {
        env *global = env_new(NULL);
        defb(global, "+", b_add); defb(global, "-", b_sub); defb(global, "*", b_mul);
        defb(global, "<", b_lt); defb(global, "cons", b_cons);
        defb(global, "car", b_car); defb(global, "cdr", b_cdr);
        for (size_t i = 0; i < sizeof program / sizeof *program; i++) {
            src = program[i];
            val *x = read_expr();
            val *r = eval(x, global);
            print(r);
            printf("\n");
        }
        printf("live before drop > 0: %d\n", rc_live_objects() > 0);
    }
    long freed = rc_gc_collect(-1);
    printf("collected > 0: %d\n", freed > 0);
    printf("live %zu\n", rc_live_objects());
    return 0;
}
