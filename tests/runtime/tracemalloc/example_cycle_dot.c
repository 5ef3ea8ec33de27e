// The seed's two-object cycle as Graphviz DOT (examples/dot): each object
// refers to the other through its "ref" field; the root is highlighted.
// UNSUPPORTED: asan
// (known issue: under AUTORC_MALLOC=malloc the candidate-root collector deletes the garbage in another order (closing note, session 4))
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
// CHECK-NEXT: Deleting Object 1
// CHECK-NEXT: Deleting Object 2
// COLLECT: collected 2 unreachable objects
