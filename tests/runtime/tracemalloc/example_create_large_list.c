// The seed's create_large_list example (examples/tracemalloc): the top
// compare_to line is the rc_new line, with count=1000000.
// RUN: %cc -O1 %src_root/examples/tracemalloc/create_large_list.c %autorc_lib -o %t && %t | FileCheck %s
// CHECK: [ Top 10 differences ]
// CHECK-NEXT: examples/tracemalloc/create_large_list.c:23: size=15.3 MiB (+15.3 MiB), count=1000000 (+1000000), average=16 B
// CHECK-NEXT: runtime/src/list.c:{{[0-9]+}}: size=48 B (+48 B), count=1 (+1), average=48 B
// CHECK-NEXT: traced memory: current 16000048 B, peak 16000048 B
