// Rewriting never moves a line: __LINE__ in the compiled program, and
// diagnostics, match the user's file line for line, and the emitted file
// has the user's lines at the same numbers.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=%t.rewritten.c %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %python -c "import sys; a=open(sys.argv[1]).read().split('\n'); b=open(sys.argv[2]).read().split('\n'); bad=[i+1 for i,l in enumerate(a) if l.strip().startswith('printf') and b[i].strip() != l.strip()]; sys.exit('moved lines: %%s' %% bad if bad else 0)" %s %t.rewritten.c
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node { struct node *next; };
static struct node *make(void) { return rc_new(struct node); }
static int use(struct node *n) { return n != NULL; }

int main(void) {
    struct node *a = make(), *b = make();
    printf("%d\n", __LINE__);
    // CHECK: [[@LINE-1]]
    a->next = make(); b = a->next; use(make()); use(a->next);
    printf("%d\n", __LINE__);
    // CHECK-NEXT: [[@LINE-1]]
    if (use(make()) &&
        use(a->next)) {
        struct node *c =
            make();
        printf("%d\n", __LINE__);
        // CHECK-NEXT: [[@LINE-1]]
        (void)c;
    }
    printf("%d %zu\n", __LINE__, rc_live_objects());
    // CHECK-NEXT: [[@LINE-1]] 2
    (void)b;
    return 0;
}
