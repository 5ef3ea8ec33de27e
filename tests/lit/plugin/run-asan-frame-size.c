// Under ASan the plugin keeps frames close to the plain build's: the
// runtime's inline rc_incref/rc_decref no longer annotate their parameter
// (an annotated parameter stays in memory, and ASan gave every inlined
// call its own redzoned slot in the caller's frame). A recursive copy of a
// 100k-node list, which overflowed the 8 MiB stack at -O1 with the plugin
// (120 bytes of frame against 24 without), runs. The keep-alive of
// copy(n->next) is a hold, whose saved epoch is a second word live across
// the call: 56 bytes against 24 (40 before holds).
// REQUIRES: plugin
// (An ASan program cannot run under Valgrind: scripts/valgrind.sh skips it.)
// UNSUPPORTED: valgrind-run
// RUN: %clang -std=gnu11 -O1 -fsanitize=address -I%autorc_include -fstack-usage -c %s -o %t.plain.o
// RUN: %clang -std=gnu11 -O1 -fsanitize=address -I%autorc_include %plugin_flags -fstack-usage -c %s -o %t.plugin.o
// RUN: %python %S/Inputs/frame_size.py copy %t.plain.su %t.plugin.su 32
// RUN: %clang -std=gnu11 -O1 -fsanitize=address -I%autorc_include %plugin_flags %s %autorc_lib -fsanitize=address -o %t
// RUN: env ASAN_OPTIONS=detect_leaks=0 %t 100000 | FileCheck %s
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED node { int v; struct node *next; };

static struct node *push(struct node *head, int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    n->next = head;
    return n;
}

struct node *copy(struct node *n) {
    if (!n)
        return NULL;
    struct node *c = rc_new(struct node);
    c->v = n->v;
    c->next = copy(n->next);
    return c;
}

int main(int argc, char **argv) {
    int count = argc > 1 ? atoi(argv[1]) : 10;
    struct node *list = NULL;
    for (int i = 0; i < count; i++)
        list = push(list, i);
    struct node *dup = copy(list);
    printf("first %d live %zu\n", dup->v, rc_live_objects());
    list = NULL;
    dup = NULL;
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: first 99999 live 200000
// CHECK-NEXT: live 0
