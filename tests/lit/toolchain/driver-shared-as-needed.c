// A shared object built with autorc-cc depends on libautorc.so only if it
// uses it: the driver links the shared runtime --as-needed, so a library of
// plain C built with CC=autorc-cc (zlib's libz.so) names only what clang's
// build names, and one that allocates managed objects keeps the runtime.
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t
// RUN: printf 'int add1(int x) { return x + 1; }\n' > %t/plain.c
// RUN: %autorc_cc -fPIC -shared %t/plain.c -o %t/libplain.so
// RUN: llvm-readelf -d %t/libplain.so | FileCheck --check-prefix=PLAIN %s
// PLAIN-NOT: libautorc
// PLAIN: (NEEDED) Shared library: [libc.so.6]
// PLAIN-NOT: libautorc
// RUN: %autorc_cc -fPIC -shared %s -o %t/libmanaged.so
// RUN: llvm-readelf -d %t/libmanaged.so | FileCheck --check-prefix=MANAGED %s
// MANAGED: (NEEDED) Shared library: [libautorc.so.0]
#include <autorc.h>
struct RC_MANAGED node { struct node *next; };
struct node *make_node(void) { return rc_new(struct node); }
