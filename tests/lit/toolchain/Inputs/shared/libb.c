#include "nodes.h"

int b_finalized;
void bnode_fin(struct bnode *self) { b_finalized++; (void)self; }

struct bnode *b_make(int id) {
    struct bnode *b = rc_new(struct bnode);
    b->id = id;
    return b;
}

/* A reference held by the library to an object made elsewhere. */
static struct anode *kept;
void b_keep(struct anode *a) { kept = a; }
void b_forget(void) { kept = NULL; }

/* The runtime's count as seen from inside this library. */
size_t b_live_objects(void) { return rc_live_objects(); }
