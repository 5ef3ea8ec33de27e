// A shared object linked by autorc-cc from objects that use nothing of
// autorc's gets no rpath into the autorc prefix (u10's and u11's finding: a
// plain-C libz.so built with CC=autorc-cc kept a RUNPATH to the runtime's
// folder after --as-needed had dropped libautorc.so.0); one whose objects
// call the runtime keeps both. The link step of a build (objects in,
// library out) is what a build system runs.
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t
// RUN: printf 'int add1(int x) { return x + 1; }\n' > %t/plain.c
// RUN: %autorc_cc -fPIC -c %t/plain.c -o %t/plain.o
// RUN: %autorc_cc -shared %t/plain.o -o %t/libplain.so
// RUN: llvm-readelf -d %t/libplain.so | FileCheck --check-prefix=PLAIN %s
// PLAIN-NOT: RUNPATH
// PLAIN-NOT: RPATH
// PLAIN-NOT: libautorc
// RUN: %autorc_cc -fPIC -c %s -o %t/managed.o
// RUN: %autorc_cc -shared %t/plain.o %t/managed.o -o %t/libmanaged.so
// RUN: llvm-readelf -d %t/libmanaged.so | FileCheck --check-prefix=MANAGED %s
// MANAGED-DAG: (NEEDED) Shared library: [libautorc.so.0]
// MANAGED-DAG: (RUNPATH) Library runpath: [{{.+}}]
#include <autorc.h>
struct RC_MANAGED node { struct node *next; };
struct node *make_node(void) { return rc_new(struct node); }
