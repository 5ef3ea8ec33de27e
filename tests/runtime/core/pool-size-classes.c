// The pool allocator: blocks of 8..512 bytes come from 8-byte size classes
// in pools, larger objects from malloc; rc_heap_print_stats lists them; freed
// blocks wait in a per-class cache until rc_heap_trim (or the cache fills).
// REQUIRES: no-asan
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_MALLOC=pool %t | FileCheck %s
#include "../../Inputs/check.h"
#include <autorc.h>
#include <string.h>

struct s16 { char c[1]; };     /* block 16: head 8 + 1 -> class 16 */
struct s100 { char c[100]; };  /* block 108 -> 112 */
struct s24 { void *p, *q; };   /* block 24: head 8 + 16 -> class 24 */
struct s600 { char c[600]; };  /* > 512: malloc */

int main(void) {
    CHECK(strcmp(rc_allocator_name(), "pool") == 0);
    void *a[100], *b[50], *c[3], *d[10];
    for (int i = 0; i < 100; i++) a[i] = rc_new(struct s16);
    for (int i = 0; i < 50; i++) b[i] = rc_new(struct s100);
    for (int i = 0; i < 3; i++) c[i] = rc_new(struct s600);
    for (int i = 0; i < 10; i++) d[i] = rc_new(struct s24);
    rc_heap_stats s;
    rc_heap_get_stats(&s);
    CHECK_EQ(s.blocks, 160);
    CHECK_EQ(s.large, 3);
    CHECK_EQ(s.pools, 3);
    CHECK_EQ(s.arenas, 1);
    rc_heap_print_stats(stdout);
    // CHECK: autorc heap (allocator: pool)
    // CHECK: class  size       pools    blocks       cached
    // CHECK-NEXT: 1      16         1        100
    // CHECK-NEXT: 2      24         1        10
    // CHECK-NEXT: 13     112        1        50
    // CHECK: # arenas now:            1
    // CHECK: # large objects (malloc): 3
    for (int i = 0; i < 100; i++) rc_decref(a[i]);
    for (int i = 0; i < 50; i++) rc_decref(b[i]);
    for (int i = 0; i < 3; i++) rc_decref(c[i]);
    for (int i = 0; i < 10; i++) rc_decref(d[i]);
    rc_heap_get_stats(&s);
    CHECK_EQ(s.blocks, 0);
    CHECK(s.cached >= 160); /* freed blocks (and a refill batch) wait in the caches */
    CHECK_EQ(s.large, 0);
    CHECK_EQ(s.pools, 3);
    rc_heap_trim();
    rc_heap_get_stats(&s);
    CHECK_EQ(s.cached, 0);
    CHECK_EQ(s.pools, 0);
    CHECK_DONE();
    // CHECK: OK
}
