/*
 * debugheap.c — AUTORC_MALLOC=debug: memory hooks that catch misuse.
 *
 * Like CPython's PYTHONMALLOC=debug. Each block comes from malloc with
 * guard bytes on both sides:
 *
 *     [ size_t n | owner | 16 B of 0xFB ][ n bytes ][ 16 B of 0xFB ]
 *                                         ^ returned, 16-byte aligned
 *
 * `owner` (8 bytes) is threadcheck.c's: the thread that owns the object in
 * the block (rc__debug_owner).
 *
 * Fresh memory is filled with 0xCD (rc__new then zero-fills the object, as
 * rc_new promises), freed memory with 0xDD. Freed blocks are not returned to
 * malloc at once: they wait in a quarantine (a ring of QUARANTINE_MAX
 * blocks, at most QUARANTINE_BYTES), so a late release of a destroyed object
 * still finds its dead head and is reported with its type's name, and a
 * write after free is found when the block leaves the quarantine (its 0xDD
 * fill is checked). Guard bytes are checked when a block is freed. A block
 * leaving the quarantine (or still in it at exit) must still have the dead
 * head object.c wrote (count 0): a count above 0 means rc_incref of the
 * destroyed object, reported with its type.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define GUARD 16
#define PREFIX 32 /* size word, owner, guard: keeps the block 16-byte aligned */
#define FRESH 0xCD
#define DEAD 0xDD
#define FORBIDDEN 0xFB
#define QUARANTINE_MAX 4096
#define QUARANTINE_BYTES ((size_t)32 << 20)

typedef struct { char *p; size_t n, head; } qentry;
static qentry quarantine[QUARANTINE_MAX];
static size_t qhead, qcount, qbytes;

static bool all_bytes(const unsigned char *p, size_t n, unsigned char v) {
    for (size_t i = 0; i < n; i++)
        if (p[i] != v) return false;
    return true;
}

void *rc__debug_alloc(size_t n) {
    unsigned char *raw = malloc(PREFIX + n + GUARD);
    if (!raw) return NULL;
    memcpy(raw, &n, sizeof n);
    memset(raw + sizeof n, FORBIDDEN, PREFIX - sizeof n);
    memset(raw + PREFIX, FRESH, n);
    memset(raw + PREFIX + n, FORBIDDEN, GUARD);
    return raw + PREFIX;
}

void rc__debug_check(const void *p, size_t n, const char *what) {
    const unsigned char *raw = (const unsigned char *)p - PREFIX;
    size_t stored;
    memcpy(&stored, raw, sizeof stored);
    if (stored != n)
        rc__fatal("debug heap: %s at %p: size word %zu, expected %zu (memory before the block overwritten?)",
                  what, p, stored, n);
    if (!all_bytes(raw + PREFIX - GUARD, GUARD, FORBIDDEN))
        rc__fatal("debug heap: %s at %p: the guard bytes before the block were overwritten (buffer underflow)",
                  what, p);
    if (!all_bytes(raw + PREFIX + n, GUARD, FORBIDDEN))
        rc__fatal("debug heap: %s at %p: the guard bytes after the block were overwritten (buffer overflow)",
                  what, p);
}

/* The dead head object.c leaves in a freed block has count 0; anything else
 * is an rc_incref of the object after it was destroyed. */
static void check_dead_head(const qentry *e) {
    if (e->head == (size_t)-1) return; /* not an object's block */
    const rc__head *h = (const rc__head *)(e->p + e->head);
    if (h->refcnt != 0)
        rc__fatal("object %p of type '%s' was retained (rc_incref) after it was destroyed "
                  "(count %u in its freed memory)",
                  RC_OBJ_OF(h), rc__type_of(h)->name, (unsigned)h->refcnt);
}

/* At exit, the quarantine's blocks are checked as if evicted. */
static void check_quarantine_at_exit(void) {
    for (size_t i = 0; i < qcount; i++) check_dead_head(&quarantine[(qhead + i) % QUARANTINE_MAX]);
}

static void evict_one(void) {
    qentry *e = &quarantine[qhead];
    check_dead_head(e);
    /* The dead head (refcnt/flags/type) is rewritten on purpose by
     * object.c; check only the 0xDD body past it. */
    size_t skip = e->n < 64 ? e->n : 64;
    if (!all_bytes((unsigned char *)e->p + skip, e->n - skip, DEAD))
        rc__fatal("debug heap: block %p (%zu bytes) was written after it was freed", e->p, e->n);
    free(e->p - PREFIX);
    qbytes -= e->n;
    e->p = NULL;
    qhead = (qhead + 1) % QUARANTINE_MAX;
    qcount--;
}

void rc__debug_free(void *p, size_t n, size_t head) {
    static bool registered;
    if (!registered) {
        registered = true;
        atexit(check_quarantine_at_exit);
    }
    rc__debug_check(p, n, "free");
    memset(p, DEAD, n);
    while (qcount == QUARANTINE_MAX || (qcount && qbytes + n > QUARANTINE_BYTES)) evict_one();
    size_t tail = (qhead + qcount) % QUARANTINE_MAX;
    quarantine[tail].p = p;
    quarantine[tail].n = n;
    quarantine[tail].head = head;
    qcount++;
    qbytes += n;
}

bool rc__debug_is_freed(const void *p) {
    for (size_t i = 0; i < qcount; i++)
        if (quarantine[(qhead + i) % QUARANTINE_MAX].p == p) return true;
    return false;
}

void *rc__debug_owner(void *block) { return (char *)block - PREFIX + sizeof(size_t); }
