// A file that includes <autorc.h> compiles warning-free with plain gcc and
// clang (C11 and C17, -Wall -Wextra -pedantic-errors aside from GNU
// statement expressions, which the header marks __extension__) and with g++,
// without the plugin, and then runs un-instrumented with the runtime.
// REQUIRES: gcc
// RUN: gcc -std=c11 -Wall -Wextra -Werror -I%autorc_include -c %s -o %t.gcc.o
// RUN: gcc -std=gnu17 -Wall -Wextra -Werror -pedantic -I%autorc_include -c %s -o %t.gcc17.o
// RUN: %clang -std=c11 -Wall -Wextra -Werror -pedantic -I%autorc_include -c %s -o %t.clang.o
// RUN: g++ -std=c++17 -Wall -Wextra -Werror -I%autorc_include -x c++ -fsyntax-only %S/../../Inputs/uses-header.h
// RUN: %clang -std=c11 -I%autorc_include %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: count 1 then 2
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED RC_ACYCLIC point { int x, y; };
struct RC_MANAGED node { struct node *next; RC_WEAK struct node *prev; RC_UNOWNED struct node *owner; };
RC_FINALIZER static void node_finalize(struct node *self) { (void)self; }
RC_RETURNS_BORROWED static struct point *first(struct point *p) { return p; }

int main(void) {
    struct point *p = rc_new(struct point);
    size_t one = rc_getrefcount(first(p));
    rc_incref(p);
    printf("count %zu then %zu\n", one, rc_getrefcount(p));
    rc_decref(p);
    rc_decref(p);
    (void)node_finalize;
    return (int)rc_live_objects();
}
