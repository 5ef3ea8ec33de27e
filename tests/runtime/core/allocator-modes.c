// AUTORC_MALLOC picks the memory source: pool (default), malloc, debug; an
// unknown value is a clear error.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s --check-prefix=MALLOC
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s --check-prefix=DEBUG
// RUN: env AUTORC_MALLOC=pool %t | FileCheck %s --check-prefix=POOL
// RUN: env AUTORC_MALLOC=bogus not --crash %t 2>&1 | FileCheck %s --check-prefix=BAD
// MALLOC: allocator malloc blocks 0 large 10 live 10
// DEBUG: allocator debug blocks 0 large 0 live 10
// POOL: allocator pool blocks 10 large 0 live 10
// BAD: autorc: fatal: AUTORC_MALLOC=bogus: expected one of pool, malloc, debug
#include <autorc.h>
#include <stdio.h>
struct obj { int x; };
int main(void) {
    struct obj *o[10];
    for (int i = 0; i < 10; i++) o[i] = rc_new(struct obj);
    rc_heap_stats s;
    rc_heap_get_stats(&s);
    printf("allocator %s blocks %zu large %zu live %zu\n", rc_allocator_name(), s.blocks, s.large,
           rc_live_objects());
    for (int i = 0; i < 10; i++) rc_decref(o[i]);
    return rc_live_objects() != 0;
}
