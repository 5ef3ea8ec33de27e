// The seed's two-object cycle as Graphviz DOT (examples/dot): each object
// refers to the other through its "ref" field; the root is highlighted.
// The garbage's order is the candidates' (docs/gc.md, "Order of the
// garbage"), the same in every allocator mode: rc_gc_dump_dot held both
// objects and released Object 2 (the referrer list of Object 1) first.
// RUN: %cc %src_root/examples/dot/cycle_dot.c %autorc_lib -o %t && %t > %t.dot 2> %t.err
// RUN: FileCheck %s < %t.dot
// RUN: FileCheck %s --check-prefix=COLLECT < %t.err
// CHECK: digraph autorc {
// CHECK-NEXT: node [shape=box, style=filled, fillcolor=white, fontname="monospace"];
// CHECK-NEXT: n0 [label="struct my_object\n0x{{[0-9a-f]+}}\nrefcount 2\ncycle_dot.c:32", fillcolor=yellow];
// CHECK-NEXT: n1 [label="struct my_object\n0x{{[0-9a-f]+}}\nrefcount 2\ncycle_dot.c:32"];
// CHECK-NEXT: n0 -> n1 [label="ref"];
// CHECK-NEXT: n1 -> n0 [label="ref"];
// CHECK-NEXT: }
// CHECK-NEXT: Deleting Object 2
// CHECK-NEXT: Deleting Object 1
// COLLECT: collected 2 unreachable objects
