// The plugin keeps clang's modes: -E prints the user's text unchanged,
// -MD writes the same dependencies, -S/-c/-O2/-g/-fsyntax-only work, a
// warning in user code prints once (from the user's compile only), and the
// inserted code adds no warning of its own under -Wall -Wextra -pedantic.
// REQUIRES: plugin
// RUN: rm -rf %t.dir && mkdir -p %t.dir/a %t.dir/b
// RUN: %clang -I%autorc_include -E %s -o %t.dir/plain.i
// RUN: %clang %plugin_flags -I%autorc_include -E %s -o %t.dir/plugin.i
// RUN: diff %t.dir/plain.i %t.dir/plugin.i
// RUN: %clang -I%autorc_include -c %s -MD -MT obj -MF %t.dir/a/deps -o %t.dir/a/x.o
// RUN: %clang %plugin_flags -I%autorc_include -c %s -MD -MT obj -MF %t.dir/b/deps -o %t.dir/b/x.o
// RUN: diff %t.dir/a/deps %t.dir/b/deps
// RUN: %clang %plugin_flags -I%autorc_include -S -O0 %s -o %t.dir/x.s
// RUN: FileCheck --check-prefix=ASM %s < %t.dir/x.s
// RUN: %cc %plugin_flags -c -g -O2 %s -o %t.dir/x.o
// RUN: %cc %t.dir/x.o %autorc_lib -o %t.dir/x && %t.dir/x | FileCheck --check-prefix=OUT %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Wall -Wextra -pedantic -Werror -Wno-unused-variable %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Wall -fno-caret-diagnostics %s 2>&1 | FileCheck --check-prefix=WARN %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node { struct node *next; int v; };

static struct node *make(int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    return n;
}
static int use(struct node *n) { return n->v; }

int main(void) {
    int unused_warning_here; // WARN: modes.c:[[@LINE]]:9: warning: unused variable 'unused_warning_here'
    struct node *a = make(1);
    a->next = make(2);
    int s = use(make(3)) + use(a->next);
    printf("%d %zu\n", s, rc_live_objects());
    return 0;
}
// WARN-NOT: warning:
// ASM: rc__drop
// OUT: 5 2
