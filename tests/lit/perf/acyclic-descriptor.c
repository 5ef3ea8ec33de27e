// Acyclic inference: a managed struct whose strong fields can never lead
// back to itself gets RC_TYPE_ACYCLIC (flags 1u) in its descriptor; a
// self-referential one, one reaching a runtime container (rc_list holds
// anything) or an incomplete managed struct, or one in a cycle of types does
// not. RC_ACYCLIC stops the search. -fplugin-arg-autorc-stats prints the count.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-stats %s 2>&1 | FileCheck --check-prefix=STATS %s
#include <autorc.h>

struct RC_MANAGED leaf { int v; };
struct RC_MANAGED pair { struct leaf *a, *b; };           /* -> leaf only */
struct RC_MANAGED node { struct node *next; int v; };     /* self */
struct RC_MANAGED wnode { RC_WEAK struct wnode *up; struct leaf *l; }; /* weak back link */
struct RC_MANAGED arr { struct pair *kids[3]; };          /* -> pair -> leaf */
struct RC_MANAGED holder { rc_list *items; };             /* list: anything */
struct opaque;                                            /* incomplete here */
struct RC_MANAGED opaque;
struct RC_MANAGED usesopaque { struct opaque *o; };
struct RC_MANAGED ping;
struct RC_MANAGED pong { struct ping *p; };
struct RC_MANAGED ping { struct pong *q; };               /* ping <-> pong */
struct RC_MANAGED RC_ACYCLIC promise { struct promise *self_ok; };
struct RC_MANAGED viapromise { struct promise *p; };      /* stops at RC_ACYCLIC */
struct RC_MANAGED uown { RC_UNOWNED struct uown *me; };   /* unowned: no edge */

void make(void) {
    rc_new(struct leaf); rc_new(struct pair); rc_new(struct node); rc_new(struct wnode);
    rc_new(struct arr); rc_new(struct holder); rc_new(struct usesopaque);
    rc_new(struct ping); rc_new(struct pong); rc_new(struct promise);
    rc_new(struct viapromise); rc_new(struct uown);
}
// CHECK-DAG: const rc_type {{[A-Za-z0-9_]+}} = {"struct leaf", (uint32_t)sizeof(struct leaf), 1u,
// CHECK-DAG: const rc_type {{[A-Za-z0-9_]+}} = {"struct pair", (uint32_t)sizeof(struct pair), 1u,
// CHECK-DAG: const rc_type {{[A-Za-z0-9_]+}} = {"struct node", (uint32_t)sizeof(struct node), 0u,
// CHECK-DAG: const rc_type {{[A-Za-z0-9_]+}} = {"struct wnode", (uint32_t)sizeof(struct wnode), 1u,
// CHECK-DAG: const rc_type {{[A-Za-z0-9_]+}} = {"struct arr", (uint32_t)sizeof(struct arr), 1u,
// CHECK-DAG: const rc_type {{[A-Za-z0-9_]+}} = {"struct holder", (uint32_t)sizeof(struct holder), 0u,
// CHECK-DAG: const rc_type {{[A-Za-z0-9_]+}} = {"struct usesopaque", (uint32_t)sizeof(struct usesopaque), 0u,
// CHECK-DAG: const rc_type {{[A-Za-z0-9_]+}} = {"struct ping", (uint32_t)sizeof(struct ping), 0u,
// CHECK-DAG: const rc_type {{[A-Za-z0-9_]+}} = {"struct pong", (uint32_t)sizeof(struct pong), 0u,
// CHECK-DAG: const rc_type {{[A-Za-z0-9_]+}} = {"struct promise", (uint32_t)sizeof(struct promise), 1u,
// CHECK-DAG: const rc_type {{[A-Za-z0-9_]+}} = {"struct viapromise", (uint32_t)sizeof(struct viapromise), 1u,
// CHECK-DAG: const rc_type {{[A-Za-z0-9_]+}} = {"struct uown", (uint32_t)sizeof(struct uown), 1u,

// STATS: autorc: {{.*}}acyclic-descriptor.c: 12 managed types, 7 acyclic (1 annotated, 6 inferred: struct leaf, struct pair, struct wnode, struct arr, struct viapromise, struct uown); may cycle: struct node, struct holder, struct usesopaque, struct pong, struct ping
