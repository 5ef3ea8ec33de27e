// RC_WEAK arrays work as locals as they do as fields and globals: a local
// array's elements are registered where they are initialised or stored,
// zeroed by the runtime when their target dies, unregistered when the
// scope ends; memset and memmove over a weak array are weak stores. Before
// the fix a local was refused: "[autorc-unsupported] RC_WEAK arrays are not
// supported; use an array of RC_WEAK struct fields" (fields and globals
// were accepted: checked here alongside).
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck --check-prefix=EMIT %s
// RUN: %cc %plugin_flags -Wall -Werror %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"
#include <string.h>

int finalized;
void node_finalize(struct node *self) { finalized++; }

struct RC_MANAGED holder { RC_WEAK struct node *w[2]; };
static RC_WEAK struct node *global_w[2];

static int alive(struct node *const *w, int n) {
    int k = 0;
    for (int i = 0; i < n; i++)
        k += w[i] != NULL;
    return k;
}

int main(void) {
    {
        struct node *a = node_new(1), *b = node_new(2), *c = node_new(3);
        RC_WEAK struct node *w[3] = {a, b};
        // EMIT: {{^ *}}RC_WEAK struct node *w[3] __attribute__((cleanup(rc__weak_drop_arr_3))) = {rc__weak_init_v(&w[0], a), rc__weak_init_v(&w[1], b)};
        RC_WEAK struct node *later[2];
        later[1] = c;
        printf("weak %d %d count %zu\n", alive(w, 3), alive(later, 2), rc_getrefcount(a));
        // CHECK: weak 2 1 count 1
        a = NULL;
        c = NULL;
        printf("after a dies: %d %p later %d finalized %d\n", alive(w, 3), (void *)w[0],
               alive(later, 2), finalized);
        // CHECK-NEXT: after a dies: 1 (nil) later 0 finalized 2
        w[2] = b;
        memmove(&w[0], &w[1], 2 * sizeof w[0]);
        printf("moved %d %d %d\n", w[0] == b, w[1] == b, alive(w, 3));
        // CHECK-NEXT: moved 1 1 3
        struct holder *h = rc_new(struct holder);
        h->w[0] = b;
        global_w[1] = b;
        b = NULL;
        printf("b dies: w %d holder %d global %d finalized %d\n", alive(w, 3), alive(h->w, 2),
               alive(global_w, 2), finalized);
        // CHECK-NEXT: b dies: w 0 holder 0 global 0 finalized 3
        struct node *d = node_new(4);
        w[1] = d;
        memset(w, 0, sizeof w);
        printf("cleared %d count %zu\n", alive(w, 3), rc_getrefcount(d));
        // CHECK-NEXT: cleared 0 count 1
        w[0] = d;
    }
    printf("end live %zu finalized %d\n", rc_live_objects(), finalized);
    // CHECK-NEXT: end live 0 finalized 4
    return 0;
}
