// rc_new(T) of an RC_MANAGED T is rewritten to pass T's generated
// descriptor; the descriptor, appended after the last line, lists strong
// field offsets (array fields element by element), weak field offsets,
// RC_ACYCLIC, and a thunk calling the RC_FINALIZER. The file that defines
// the finalizer defines the descriptor strongly; other files weakly.
// Types without managed fields keep rc_new's own anonymous descriptor.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
#include <autorc.h>

struct RC_MANAGED tree {
    struct tree *kids[2];
    RC_WEAK struct tree *parent;
    RC_UNOWNED struct tree *root;
    int value;
};
RC_FINALIZER void tree_fin(struct tree *t) { (void)t; }

typedef struct RC_MANAGED RC_ACYCLIC { int x; } Leaf;
struct RC_MANAGED elsewhere { struct elsewhere *next; };
RC_FINALIZER void elsewhere_fin(struct elsewhere *e); /* defined in another file */
struct plain { int a; };

void make(void) {
    struct tree *t = rc_new(struct tree);
    Leaf *l = rc_new(Leaf);
    struct elsewhere *e = rc_new(struct elsewhere);
    struct plain *p = rc_new(struct plain);
    (void)t; (void)l; (void)e; (void)p;
}
// CHECK: {{^ *}}struct tree *t __attribute__((cleanup(rc__drop))) = {{RC__NEW_(INLINE|MANAGED)}}(struct tree, [[TREE:rc__type_tree_[0-9a-f]+]]);
// CHECK: {{^ *}}Leaf *l __attribute__((cleanup(rc__drop))) = {{RC__NEW_(INLINE|MANAGED)}}(Leaf, [[LEAF:rc__type_Leaf_[0-9a-f]+]]);
// CHECK: {{^ *}}struct elsewhere *e __attribute__((cleanup(rc__drop))) = {{RC__NEW_(INLINE|MANAGED)}}(struct elsewhere, [[ELSE:rc__type_elsewhere_[0-9a-f]+]]);
// CHECK: {{^ *}}struct plain *p = rc_new(struct plain);
// CHECK: {{^ *}}/* autorc: descriptor of struct tree */ static const uint32_t [[TREE]]_strong[] = {(uint32_t)offsetof(struct tree, kids[0]), (uint32_t)offsetof(struct tree, kids[1])}; static const char *const [[TREE]]_names[] = {"kids[0]", "kids[1]"}; static const uint32_t [[TREE]]_weak[] = {(uint32_t)offsetof(struct tree, parent)}; static void [[TREE]]_fin(void *self) { tree_fin((struct tree *)self); } static uint32_t [[TREE]]_rt; const rc_type [[TREE]] = {"struct tree", (uint32_t)sizeof(struct tree), 0u, [[TREE]]_strong, 2u, 1u, [[TREE]]_weak, [[TREE]]_names, [[TREE]]_fin, NULL, NULL, (uint32_t)_Alignof(struct tree), &[[TREE]]_rt};
// CHECK: {{^ *}}/* autorc: descriptor of Leaf */ static uint32_t [[LEAF]]_rt; __attribute__((weak)) const rc_type [[LEAF]] = {"Leaf", (uint32_t)sizeof(Leaf), 1u, NULL, 0u, 0u, NULL, NULL, NULL, NULL, NULL, (uint32_t)_Alignof(Leaf), &[[LEAF]]_rt};
// CHECK: {{^ *}}/* autorc: descriptor of struct elsewhere */ {{.*}} static void [[ELSE]]_fin(void *self) { elsewhere_fin((struct elsewhere *)self); } static uint32_t [[ELSE]]_rt; __attribute__((weak)) const rc_type [[ELSE]] =
