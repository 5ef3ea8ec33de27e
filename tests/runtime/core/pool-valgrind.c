// Built with -DRC_VALGRIND, the pools describe their blocks to Valgrind as
// malloc-like blocks: a read of a released pooled object is reported.
// REQUIRES: valgrind, no-asan
// RUN: %cc -gdwarf-4 -O0 -DRC_VALGRIND -I%src_root/runtime/src %s %src_root/runtime/src/*.c -o %t
// RUN: env AUTORC_MALLOC=pool not valgrind --error-exitcode=9 %t 2>&1 | FileCheck %s
// CHECK: Invalid read of size 4
// CHECK: ERROR SUMMARY: {{[1-9]}}
#include <autorc.h>
#include <stdio.h>

struct obj { int x; };
int main(void) {
    struct obj *keep = rc_new(struct obj); /* keeps the pool alive */
    struct obj *o = rc_new(struct obj);
    rc_decref(o);
    rc_heap_trim(); /* the block goes back to its pool */
    printf("%d\n", o->x);
    rc_decref(keep);
    return 0;
}
