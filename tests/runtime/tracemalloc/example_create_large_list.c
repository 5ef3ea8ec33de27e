// The seed's create_large_list example (examples/tracemalloc): the top
// compare_to line is the rc_new line, with count=1000000.
// RUN: %cc -O1 %src_root/examples/tracemalloc/create_large_list.c %autorc_lib -o %t && %t | FileCheck %s
// CHECK: [ Top 10 differences ]
// CHECK-NEXT: examples/tracemalloc/create_large_list.c:23: size=22.9 MiB (+22.9 MiB), count=1000000 (+1000000), average=24 B
// CHECK-NEXT: runtime/src/list.c:{{[0-9]+}}: size=56 B (+56 B), count=1 (+1), average=56 B
// CHECK-NEXT: traced memory: current 24000056 B, peak 24000056 B
