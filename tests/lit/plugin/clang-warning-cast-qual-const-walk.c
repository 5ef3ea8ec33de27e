// A counted walk over const nodes (`for (; n; n = n->parent)` with
// `const struct node *n`, parent RC_WEAK) compiles under -Wcast-qual -Werror:
// the generated rc__assign((void **)&(n), ...) casts const away, but the
// warnings printed are clang's on the user's text. (<autorc.h> comes in
// with -isystem: its own -Wcast-qual warnings are a separate matter.)
// (Before: error: cast from 'const struct node **' to 'void **' drops const qualifier.)
// REQUIRES: plugin
// RUN: %clang %plugin_flags -fsyntax-only -Wcast-qual -Werror -isystem %autorc_include %s 2>&1 | count 0
#include <autorc.h>

struct RC_MANAGED node {
  int v;
  RC_WEAK struct node *parent;
};

static int depth(const struct node *n) {
  int d = 0;
  for (; n; n = n->parent)
    ++d;
  return d;
}

int main(void) {
  struct node *a = rc_new(struct node);
  struct node *root = rc_new(struct node);
  a->parent = root;
  return depth(a) == 2 ? 0 : 1;
}
