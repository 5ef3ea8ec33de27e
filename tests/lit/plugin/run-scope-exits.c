// Every strong local is released on every way out of its scope: end of
// block, return, early return, break, continue, goto (out of a block and
// backwards), switch, nested blocks. Each function leaves nothing alive.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { finalized++; }

static void end_of_block(void) {
    struct node *a = node_new(1);
    {
        struct node *b = node_new(2);
        EXPECT_LIVE(2, "inner block");
        (void)b;
    }
    EXPECT_LIVE(1, "after inner block");
    (void)a;
}

static int early_return(int flag) {
    struct node *a = node_new(1);
    if (flag) {
        struct node *b = node_new(2);
        (void)b;
        return a->value + 10;
    }
    return a->value;
}

static int loop_break_continue(void) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
        struct node *n = node_new(i);
        if (i % 2)
            continue;
        if (i == 6)
            break;
        sum += n->value;
    }
    EXPECT_LIVE(0, "after loop");
    int j = 0;
    while (1) {
        struct node *w = node_new(j);
        if (++j == 3)
            break;
        (void)w;
    }
    do {
        struct node *d = node_new(j);
        (void)d;
    } while (--j > 0);
    return sum;
}

static int with_goto(void) {
    int tries = 0;
again: {
    struct node *n = node_new(tries);
    tries++;
    if (tries < 3)
        goto again; /* backwards out of n's scope */
    if (n->value == 2)
        goto out; /* forwards out of n's scope */
    }
out:
    EXPECT_LIVE(0, "after goto");
    return tries;
}

static int with_switch(int k) {
    struct node *outer = node_new(100);
    switch (k) {
    case 0: {
        struct node *a = node_new(0);
        return a->value;
    }
    case 1: {
        struct node *b = node_new(1);
        (void)b;
        break;
    }
    default:
        break;
    }
    return outer->value + k;
}

int main(void) {
    end_of_block();
    EXPECT_LIVE(0, "end_of_block");
    printf("early %d %d\n", early_return(0), early_return(1));
    EXPECT_LIVE(0, "early_return");
    printf("loops %d\n", loop_break_continue());
    EXPECT_LIVE(0, "loops");
    printf("goto %d\n", with_goto());
    EXPECT_LIVE(0, "goto");
    printf("switch %d %d %d\n", with_switch(0), with_switch(1), with_switch(2));
    EXPECT_LIVE(0, "switch");
    printf("finalized %d live %zu\n", finalized, rc_live_objects());
    return 0;
}
// CHECK: early 1 11
// CHECK-NEXT: loops 6
// CHECK-NEXT: goto 3
// CHECK-NEXT: switch 0 101 102
// CHECK-NEXT: finalized 26 live 0
