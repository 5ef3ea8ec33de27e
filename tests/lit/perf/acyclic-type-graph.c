// Acyclic inference reads the type graph the [autorc-cycle] check reads
// (TypeGraph.h): its strongly connected components. A struct that points
// into a cycle of other structs but is on no cycle itself is acyclic; one
// that reaches a container or an incomplete struct through other structs is
// not; an array of pointers is an edge like a field; a struct in a
// component of three is not acyclic, whichever member is asked first.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-stats %s 2>&1 | FileCheck %s
#include <autorc.h>

struct RC_MANAGED ra;
struct RC_MANAGED rb;
struct RC_MANAGED rc { struct ra *a; };
struct RC_MANAGED ra { struct rb *b; };
struct RC_MANAGED rb { struct rc *c[2]; };            /* ra -> rb -> rc -> ra */
struct RC_MANAGED entry { struct rb *into; };          /* points into the ring */
struct RC_MANAGED bag { rc_list *items; };
struct RC_MANAGED viabag { struct bag *b; };           /* -> bag -> anything */
struct RC_MANAGED tail { int v; };
struct RC_MANAGED chain { struct tail *t[3]; };        /* -> tail only */

void make(void) {
    rc_new(struct rb); rc_new(struct entry); rc_new(struct viabag); rc_new(struct chain);
}
// CHECK: autorc: {{.*}}acyclic-type-graph.c: 8 managed types, 3 acyclic (0 annotated, 3 inferred: struct entry, struct tail, struct chain); may cycle: struct rc, struct ra, struct rb, struct bag, struct viabag
