#include "nodes.h"

int a_finalized;
void anode_fin(struct anode *self) { a_finalized++; (void)self; }

struct anode *a_make(int id) {
    struct anode *a = rc_new(struct anode);
    a->id = id;
    return a;
}
