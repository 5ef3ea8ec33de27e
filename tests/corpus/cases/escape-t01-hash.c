// Hashing an object's bytes through a char pointer.
#include <autorc.h>
#include <stddef.h>
struct RC_MANAGED key { int a, b; };
unsigned hash(struct key *k) {
    const unsigned char *p = (const unsigned char *)k; // WANT: escape
    unsigned h = 5381;
    for (size_t i = 0; i < sizeof *k; i++)
        h = h * 33 + p[i];
    return h;
}
