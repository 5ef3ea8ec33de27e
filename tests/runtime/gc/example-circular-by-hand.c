// examples/cycles/circular_by_hand.c: the seed's two-object cycle, counted by
// hand, is freed by rc_gc_collect(-1) with both finalizers run once.
// RUN: %cc %src_root/examples/cycles/circular_by_hand.c %autorc_lib -o %t && %t | FileCheck %s
// CHECK: obj1 count 2, obj2 count 2
// CHECK-NEXT: after del: 2 objects alive
// CHECK-NEXT: Deleting Object 1
// CHECK-NEXT: Deleting Object 2
// CHECK-NEXT: Garbage collector: collected 2 objects.
// CHECK-NEXT: after collect: 0 objects alive
