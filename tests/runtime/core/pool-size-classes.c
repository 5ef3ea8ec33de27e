// The pool allocator: blocks of 16..512 bytes come from 16-byte size classes
// in pools, larger objects from malloc; rc_heap_print_stats lists them; freed
// blocks wait in a per-class cache until rc_heap_trim (or the cache fills).
// REQUIRES: no-asan
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_MALLOC=pool %t | FileCheck %s
#include "../../Inputs/check.h"
#include <autorc.h>
#include <string.h>

struct s16 { char c[1]; };     /* block 32: head 16 + 1 -> class 32 */
struct s100 { char c[100]; };  /* block 116 -> 128 */
struct s600 { char c[600]; };  /* > 512: malloc */

int main(void) {
    CHECK(strcmp(rc_allocator_name(), "pool") == 0);
    void *a[100], *b[50], *c[3];
    for (int i = 0; i < 100; i++) a[i] = rc_new(struct s16);
    for (int i = 0; i < 50; i++) b[i] = rc_new(struct s100);
    for (int i = 0; i < 3; i++) c[i] = rc_new(struct s600);
    rc_heap_stats s;
    rc_heap_get_stats(&s);
    CHECK_EQ(s.blocks, 150);
    CHECK_EQ(s.large, 3);
    CHECK_EQ(s.pools, 2);
    CHECK_EQ(s.arenas, 1);
    rc_heap_print_stats(stdout);
    // CHECK: autorc heap (allocator: pool)
    // CHECK: class  size       pools    blocks       cached
    // CHECK-NEXT: 1      32         1        100
    // CHECK-NEXT: 7      128        1        50
    // CHECK: # arenas now:            1
    // CHECK: # large objects (malloc): 3
    for (int i = 0; i < 100; i++) rc_decref(a[i]);
    for (int i = 0; i < 50; i++) rc_decref(b[i]);
    for (int i = 0; i < 3; i++) rc_decref(c[i]);
    rc_heap_get_stats(&s);
    CHECK_EQ(s.blocks, 0);
    CHECK(s.cached >= 150); /* freed blocks (and a refill batch) wait in the caches */
    CHECK_EQ(s.large, 0);
    CHECK_EQ(s.pools, 2);
    rc_heap_trim();
    rc_heap_get_stats(&s);
    CHECK_EQ(s.cached, 0);
    CHECK_EQ(s.pools, 0);
    CHECK_DONE();
    // CHECK: OK
}
