// Generators of plain values: the seed's generate_numbers consumed with an
// early break (0 to 101), exhaustion (rc_gen_next returns 0 and keeps
// returning 0, the out value untouched), parameters and locals kept across
// yields, yields inside the user's own switch and nested loops, `return`
// ending the generator, and locals whose scope holds no yield staying
// ordinary locals of the resume function.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck --check-prefix=EMIT %s
#include <autorc.h>
#include <stdio.h>

// EMIT: {{^}}struct RC_MANAGED rc__gen_generate_numbers { struct rc__gen_head rc__head; long n; long i; };
// EMIT-SAME: rc_gen *generate_numbers(long n) {
// EMIT-SAME: static int rc__gen_generate_numbers_resume(void *rc__self, void *rc__out)
// EMIT-SAME: goto *rc__f->rc__head.label;
// EMIT-NEXT: {{^}}    for (rc__f->i = 0; rc__f->i < rc__f->n; rc__f->i++) do { *(__typeof__(long) *)rc__out = (rc__f->i); rc__f->rc__head.label = &&rc__y1; return 1; rc__y1:; } while (0);
RC_GENERATOR(long) rc_gen *generate_numbers(long n) {
    for (long i = 0; i < n; i++) rc_yield(i);
}

// Yields in a switch inside a loop (a switch-based state machine would
// break here), a local declared after the last yield of its block (not in
// the frame), and `return` in the middle.
RC_GENERATOR(int) rc_gen *shapes(int rounds) {
    int total = 0;
    for (int r = 0; r < rounds; r++) {
        switch (r % 3) {
        case 0:
            rc_yield(r * 10);
            break;
        case 1:
            for (int k = 0; k < 2; k++) {
                rc_yield(100 + k);
                total += k;
            }
            break;
        default: {
            int scratch = r * 2; // EMIT: {{^ *}}int scratch = rc__f->r * 2;
            total += scratch;
            if (total > 1000)
                return NULL;
        }
        }
        if (r == 4)
            return NULL;
    }
    rc_yield(-total);
}

// A generator whose body finishes without yielding.
RC_GENERATOR(double) rc_gen *empty(void) {
}

int main(void) {
    rc_gen *g = generate_numbers(1000000);
    for (long num; rc_gen_next(g, &num);) {
        printf("%ld\n", num);
        if (num > 100)
            break;
    }
    // CHECK: 0
    // CHECK-NEXT: 1
    // CHECK: 100
    // CHECK-NEXT: 101
    // CHECK-NOT: 102

    rc_gen *s = shapes(4);
    int v = -1;
    while (rc_gen_next(s, &v))
        printf("shape %d\n", v);
    // CHECK-NEXT: shape 0
    // CHECK-NEXT: shape 100
    // CHECK-NEXT: shape 101
    // CHECK-NEXT: shape 30
    // CHECK-NEXT: shape -5
    int a = rc_gen_next(s, &v), b = rc_gen_next(s, &v);
    printf("exhausted %d %d, v %d\n", a, b, v);
    // CHECK-NEXT: exhausted 0 0, v -5

    rc_gen *r = shapes(10); // returns at r == 4, before the final yield
    int n = 0;
    while (rc_gen_next(r, &v))
        n++;
    printf("returned after %d\n", n);
    // CHECK-NEXT: returned after 6

    rc_gen *e = empty();
    double d = 1.5;
    a = rc_gen_next(e, &d);
    b = rc_gen_next(e, &d);
    printf("empty %d %d %.1f\n", a, b, d);
    // CHECK-NEXT: empty 0 0 1.5
    return 0;
}
