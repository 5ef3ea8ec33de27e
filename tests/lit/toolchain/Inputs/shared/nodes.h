/* Two managed types, each defined (descriptor and finalizer) in its own
   shared library: liba.so has struct anode, libb.so struct bnode. */
#ifndef NODES_H
#define NODES_H
#include <autorc.h>

struct bnode;
struct RC_MANAGED anode { struct bnode *b; int id; };
struct RC_MANAGED bnode { struct anode *a; int id; };
RC_FINALIZER void anode_fin(struct anode *self);
RC_FINALIZER void bnode_fin(struct bnode *self);

/* liba.so */
extern int a_finalized;
struct anode *a_make(int id);

/* libb.so: makes bnodes, and keeps one object of the caller's */
extern int b_finalized;
struct bnode *b_make(int id);
void b_keep(struct anode *a);
void b_forget(void);
size_t b_live_objects(void);
#endif
