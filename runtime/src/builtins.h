/*
 * builtins.h — what dict.c needs to know of str.c: the layout of rc_str
 * and an inline test "is this object an rc_str", so that a dictionary
 * probe compares string keys without a call.
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

#endif
