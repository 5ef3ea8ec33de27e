// [autorc-cycle]: a store is not the only reference to a new object when
// the object has another one — the function returns it, or the constructor
// that made it stored it in a slot already (`p->child[i] = c; return c;`).
// Such a link stays a candidate for the back link (here by its name), and
// the warning keeps its fix-it. A slot of a local that the function filled
// with a new object names that new object (`a->card` after
// `a->card = rc_new(...)`), not an existing one that would be its creator.
// Both cases lost their fix-it before (the links were judged owning).
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// CHECK: fix-it:"{{.*}}cycle-owning-not-sole.c":{16:26-16:26}:"RC_WEAK "
// CHECK: fix-it:"{{.*}}cycle-owning-not-sole.c":{31:51-31:51}:"RC_WEAK "
#include <autorc.h>
struct RC_MANAGED account;
struct RC_MANAGED card { struct account *owner; }; // expected-warning {{strong field 'owner' closes a reference cycle (struct card -> struct account -> struct card) that only the cycle collector frees; make the back link 'owner' RC_WEAK}}
struct RC_MANAGED account { struct card *card; long balance; }; // expected-note {{the cycle goes on through strong field 'card' (struct account -> struct card)}}

// The new account is returned: the caller holds it too.
struct account *open_account(long balance) {
    struct account *a = rc_new(struct account);
    a->balance = balance;
    a->card = rc_new(struct card);
    a->card->owner = a;
    return a;
}

// add_child links each new node into its parent before returning it: the
// node a caller gets has an owner already, so its store into a
// grandchild's `parent` is not its only reference.
struct RC_MANAGED tnode { struct tnode *child[4]; struct tnode *parent; }; // expected-warning {{strong fields 'child' and 'parent' link struct tnode objects both ways, a reference cycle that only the cycle collector frees; make the back link 'parent' RC_WEAK}} expected-note {{the cycle goes on through strong field 'child' (struct tnode -> struct tnode)}}

static struct tnode *add_child(struct tnode *p, int i) {
    struct tnode *c = rc_new(struct tnode);
    c->parent = p;
    p->child[i] = c;
    return c;
}

void grow(struct tnode *root) {
    for (int i = 0; i < 4; i++) {
        struct tnode *c = add_child(root, i);
        add_child(c, 0);
    }
}
