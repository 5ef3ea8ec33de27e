// The by-hand runtime example prints counts 1 then 2 and frees its object.
// RUN: %cc %src_root/examples/runtime/refcount_by_hand.c %autorc_lib -o %t && %t | FileCheck %s
// CHECK: reference count of a: 1
// CHECK-NEXT: reference count of a: 2
// CHECK-NEXT: live objects: 0
