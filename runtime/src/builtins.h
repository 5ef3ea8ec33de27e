/*
 * builtins.h — what dict.c needs to know of str.c: the layout of rc_str
 * and an inline test "is this object an rc_str", so that a dictionary
 * probe compares string keys without a call; and the argument check every
 * built-in type's call makes (argcheck.c): an object given where an
 * rc_list, rc_dict, rc_str or rc_weakref is needed is a live one of that
 * type, else a fatal error naming the call, the object and what it is.
 */
#ifndef AUTORC_BUILTINS_H
#define AUTORC_BUILTINS_H

#include "internal.h"

enum { RC_STR_HEAP = 1u << 0, RC_STR_INTERNED = 1u << 1 };

struct rc_str {
    size_t len;
    size_t hash;    /* 0: not computed yet (a computed hash is never 0) */
    uint32_t flags; /* RC_STR_* */
    uint32_t pad;
    char data[];    /* len bytes and a NUL; RC_STR_HEAP: a char * to them */
};

/* Every rc_str type's destroy hook: the mark of a string. */
void rc__str_destroy(void *self);
size_t rc__str_hash_slow(rc_str *s);

static inline bool rc__is_str(const void *obj) {
    return rc__type_of(RC_HEAD_OF(obj))->destroy == rc__str_destroy;
}
static inline const char *rc__str_chars(const rc_str *s) {
    return (s->flags & RC_STR_HEAP) ? *(char *const *)s->data : s->data;
}
static inline size_t rc__str_hash(rc_str *s) {
    return RC_LIKELY(s->hash) ? s->hash : rc__str_hash_slow(s);
}
/* Same length and bytes (a and b are strings). */
static inline bool rc__str_same(rc_str *a, rc_str *b) {
    return a->len == b->len && rc__str_hash(a) == rc__str_hash(b) &&
           __builtin_memcmp(rc__str_chars(a), rc__str_chars(b), a->len) == 0;
}

/* The object at obj is not a live `expected` (its type differs, or its
 * count is 0: it was released for the last time): a fatal error naming fn,
 * the object and, when the head is readable, what it is. */
RC_NORETURN RC_NOINLINE void rc__bad_object(const void *obj, const char *expected,
                                            const char *fn);

/* obj (not NULL) is a live object of the type whose runtime word is *rt:
 * the head's type index is the one the word records (the word is 0 until
 * the type's first allocation, when no object can be of it) and its count
 * is above 0. Compares the index, so a stray pointer's garbage head is
 * never used to index the type table. */
static inline void rc__need_type(const void *obj, const uint32_t *rt, const char *expected,
                                 const char *fn) {
    const rc__head *h = RC_HEAD_OF(obj);
    uint32_t w = *rt;
    if (RC_UNLIKELY(w == 0 || h->tix != ((w >> 16) & 0x7fff) || h->refcnt == 0))
        rc__bad_object(obj, expected, fn);
}

/* An object a call is about to store (an item, a key, a value): NULL or
 * alive. A store of an object already released for the last time would
 * bring its freed block back to life: a fatal error naming fn instead. */
static inline void rc__need_alive(const void *obj, const char *fn) {
    if (obj && RC_UNLIKELY(RC_HEAD_OF(obj)->refcnt == 0)) rc__bad_object(obj, "object", fn);
}

#endif
