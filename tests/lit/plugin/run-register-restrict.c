// `register` and `restrict` managed locals and parameters compile
// (-Wall -Werror) and count like the others: counting takes the address
// of a strong local (its cleanup), of a pinned parameter and of a local
// moved out by `return`, which C refuses for `register` and which turns
// `restrict` into a qualifier the cleanups do not accept; the rewrite
// deletes the keyword (rewrite-register-restrict.c shows the text).
// REQUIRES: plugin
// RUN: %cc -Wall -Werror %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { finalized++; }

static struct node *mk(int v) { struct node *n = rc_new(struct node); n->value = v; return n; }
// Borrowed restrict parameters: nothing to count, the keyword stays.
static int sum(struct node *restrict a, struct node *restrict b) { return a->value + b->value; }
static struct node *reg(int v) {
    register struct node *p = mk(v), *q = mk(v + 1);
    register int x = 3;
    p->value += x + q->value;
    return p;
}
// A pinned restrict parameter (the function assigns it) and a restrict local.
static struct node *restr(struct node *restrict q) {
    struct node *restrict r = mk(q->value * 2);
    q = r;
    return q;
}
// A pinned register parameter.
static int count(register struct node *n) {
    int k = 0;
    for (; n; n = n->next)
        k++;
    return k;
}

static void run(void) {
    struct node *a = mk(1), *b = mk(2);
    a->next = b;
    struct node *r = reg(5), *s = restr(a);
    // CHECK: 3 14 2 2 finalized 1
    printf("%d %d %d %d finalized %d\n", sum(a, b), r->value, s->value, count(a), finalized);
}

int main(void) {
    run();
    // CHECK-NEXT: finalized 5 live 0
    printf("finalized %d live %zu\n", finalized, rc_live_objects());
    return 0;
}
