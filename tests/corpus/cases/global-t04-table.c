// A fixed global table of interned objects.
#include <autorc.h>
struct RC_MANAGED sym { int id; };
static struct sym *interned[256]; // WANT: global
struct sym *intern(int id) {
    if (!interned[id & 255]) {
        interned[id & 255] = rc_new(struct sym);
        interned[id & 255]->id = id;
    }
    return interned[id & 255];
}
