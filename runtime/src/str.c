/*
 * str.c — rc_str, Python's str: immutable byte strings (UTF-8 by
 * convention), always NUL-terminated, with a cached hash and interning.
 *
 * Layout (builtins.h): {len, hash, flags} and then the characters. A
 * string of up to SMALL_MAX bytes is one object: the runtime has one type
 * per capacity (CAPS below, chosen so that head + header + characters fill
 * a pool size class), and a string takes the smallest that fits. A longer
 * string (RC_STR_HEAP) keeps a malloc'd copy, its pointer in data[]; the
 * destroy hook frees it.
 *
 * States: hash 0 = not computed (a long string before its first use);
 * a small string's is computed at creation; never 0 once computed. RC_STR_INTERNED = the string is the canonical instance in
 * the intern table; the table does not own it (interned strings are
 * mortal, as in CPython): the destroy hook takes it out.
 *
 * NULL is accepted everywhere and behaves as the empty string, except that
 * rc_str_eq/rc_str_cmp tell NULL from "" (NULL sorts first) and
 * rc_str_intern(NULL) is NULL. Any other argument must be a live rc_str:
 * another object, or one released for the last time, is a fatal error
 * naming the call (need_str).
 */
#include "builtins.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Character capacities (NUL included) of the small string types: the
 * block (8 B head + 24 B header + capacity) is 40, 48, 64, ... 512 bytes. */
static const uint32_t CAPS[] = {8, 16, 32, 64, 96, 160, 224, 352, 480};
#define NCAPS (sizeof CAPS / sizeof CAPS[0])
#define SMALL_MAX (480 - 1)

static uint32_t str_rt[NCAPS + 1];
static rc_type str_types[NCAPS + 1]; /* [NCAPS]: the heap string */

static void intern_forget(rc_str *s);
static size_t hash_bytes(const char *p, size_t n);

void rc__str_destroy(void *self) {
    rc_str *s = self;
    if (s->flags & RC_STR_INTERNED) intern_forget(s);
    if (s->flags & RC_STR_HEAP) free(*(char **)s->data);
    s->flags = 0;
}

static const rc_type *str_type(size_t n) {
    static bool ready;
    if (RC_UNLIKELY(!ready)) {
        for (size_t i = 0; i <= NCAPS; i++) {
            uint32_t cap = i < NCAPS ? CAPS[i] : (uint32_t)sizeof(char *);
            str_types[i] = (rc_type){
                .name = "rc_str",
                .size = (uint32_t)(sizeof(rc_str) + cap),
                .flags = RC_TYPE_ACYCLIC | RC_TYPE_BUILTIN,
                .destroy = rc__str_destroy,
                .align = _Alignof(rc_str),
                .rt = &str_rt[i],
            };
        }
        ready = true;
    }
    for (size_t i = 0; i < NCAPS; i++)
        if (n < CAPS[i]) return &str_types[i];
    return &str_types[NCAPS];
}

/* A string of n bytes, uninitialised characters; *chars is where they go. */
static rc_str *str_alloc(size_t n, char **chars) {
    RC__RUNTIME_SITE(site, "rc_str_new");
    if (n > SIZE_MAX / 2) rc__fatal("rc_str: %zu bytes is too long", n);
    rc_str *s = rc__new(str_type(n), &site);
    s->len = n;
    if (n <= SMALL_MAX) {
        *chars = s->data;
    } else {
        *chars = malloc(n + 1);
        if (!*chars) rc__fatal("rc_str: out of memory for a string of %zu bytes", n);
        *(char **)s->data = *chars;
        s->flags = RC_STR_HEAP;
    }
    (*chars)[n] = '\0';
    return s;
}

/* A small string's hash is computed as it is made, while its characters
 * are in cache: a dictionary probe then reads it instead of hashing a
 * string that has gone cold (bench/dict: lookups 4x faster than with the
 * hash computed on first use). A long string hashes on first use. */
static inline rc_str *finish(rc_str *s) {
    if (s->len <= SMALL_MAX) s->hash = hash_bytes(s->data, s->len);
    return s;
}

rc_str *rc_str_from_len(const char *p, size_t n) {
    char *c;
    rc_str *s = str_alloc(n, &c);
    if (n) memcpy(c, p, n);
    return finish(s);
}

rc_str *rc_str_new(const char *p) { return rc_str_from_len(p ? p : "", p ? strlen(p) : 0); }

rc_str *rc_str_format(const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) rc__fatal("rc_str_format: invalid format \"%s\"", fmt);
    if ((size_t)n < sizeof small) return rc_str_from_len(small, (size_t)n);
    char *c;
    rc_str *s = str_alloc((size_t)n, &c);
    va_start(ap, fmt);
    vsnprintf(c, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return finish(s);
}

/* s (not NULL) is a live string, else fatal (argcheck.c). */
static inline void need_str(const rc_str *s, const char *fn) {
    if (RC_UNLIKELY(RC_HEAD_OF(s)->refcnt == 0 || !rc__is_str(s))) rc__bad_object(s, "rc_str", fn);
}

const char *rc_str_cstr(const rc_str *s) {
    if (!s) return "";
    need_str(s, "rc_str_cstr");
    return rc__str_chars(s);
}

size_t rc_str_len(const rc_str *s) {
    if (!s) return 0;
    need_str(s, "rc_str_len");
    return s->len;
}

int rc_is_str(const void *obj) { return obj && rc__is_str(obj); }

/* 8 bytes at a time, multiply-xorshift, then a final avalanche
 * (MurmurHash3's fmix64). Never 0: 0 marks "not computed". */
static size_t hash_bytes(const char *p, size_t n) {
    uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, p, n);
    h = (h ^ w) * 0x94d049bb133111ebull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h ? (size_t)h : 1;
}

size_t rc__str_hash_slow(rc_str *s) { return s->hash = hash_bytes(rc__str_chars(s), s->len); }

size_t rc_str_hash(const rc_str *s) {
    if (!s) return hash_bytes("", 0);
    need_str(s, "rc_str_hash");
    return rc__str_hash((rc_str *)s);
}

/* Both strings of a comparison, each NULL or live. */
static inline void need_strs(const rc_str *a, const rc_str *b, const char *fn) {
    if (a) need_str(a, fn);
    if (b) need_str(b, fn);
}

int rc_str_eq(const rc_str *a, const rc_str *b) {
    need_strs(a, b, "rc_str_eq");
    if (a == b) return 1;
    if (!a || !b) return 0;
    return rc__str_same((rc_str *)a, (rc_str *)b);
}

int rc_str_cmp(const rc_str *a, const rc_str *b) {
    need_strs(a, b, "rc_str_cmp");
    if (a == b) return 0;
    if (!a) return -1;
    if (!b) return 1;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(rc__str_chars(a), rc__str_chars(b), n);
    if (c) return c < 0 ? -1 : 1;
    return a->len < b->len ? -1 : a->len > b->len;
}

rc_str *rc_str_concat(const rc_str *a, const rc_str *b) {
    need_strs(a, b, "rc_str_concat");
    size_t na = a ? a->len : 0, nb = b ? b->len : 0;
    /* s + "" is s, as in CPython: strings are immutable. */
    if (nb == 0 && a) return rc_incref((void *)a);
    if (na == 0 && b) return rc_incref((void *)b);
    if (na + nb < na) rc__fatal("rc_str_concat: result too long");
    char *c;
    rc_str *s = str_alloc(na + nb, &c);
    if (na) memcpy(c, rc__str_chars(a), na);
    if (nb) memcpy(c + na, rc__str_chars(b), nb);
    return finish(s);
}

/* ---- the intern table: open addressing, linear probing; TOMB marks a
 * deleted slot. Load (used + tombs) stays under 2/3. ------------------- */
#define TOMB ((rc_str *)1)
static rc_str **itab;
static size_t imask, iused, itombs;

static void intern_resize(void) {
    size_t size = 16;
    while (size * 2 < (iused + 1) * 3) size *= 2;
    rc_str **old = itab;
    size_t oldn = itab ? imask + 1 : 0;
    itab = calloc(size, sizeof *itab);
    if (!itab) rc__fatal("out of memory (intern table)");
    imask = size - 1;
    itombs = 0;
    for (size_t i = 0; i < oldn; i++) {
        rc_str *s = old[i];
        if (!s || s == TOMB) continue;
        size_t j = s->hash & imask;
        while (itab[j]) j = (j + 1) & imask;
        itab[j] = s;
    }
    free(old);
}

static void intern_forget(rc_str *s) {
    size_t j = s->hash & imask;
    while (itab[j] != s) j = (j + 1) & imask; /* it is there */
    itab[j] = TOMB;
    iused--;
    itombs++;
}

rc_str *rc_str_intern(rc_str *s) {
    if (!s) return NULL;
    need_str(s, "rc_str_intern");
    if (s->flags & RC_STR_INTERNED) return rc_incref(s);
    if (!itab || (iused + itombs + 1) * 3 > (imask + 1) * 2) intern_resize();
    size_t h = rc__str_hash(s), j = h & imask;
    rc_str **tomb = NULL;
    for (rc_str *t; (t = itab[j]) != NULL; j = (j + 1) & imask) {
        if (t == TOMB) {
            if (!tomb) tomb = &itab[j];
        } else if (t->hash == h && rc__str_same(t, s)) {
            return rc_incref(t);
        }
    }
    if (tomb) {
        *tomb = s;
        itombs--;
    } else {
        itab[j] = s;
    }
    iused++;
    s->flags |= RC_STR_INTERNED;
    return rc_incref(s);
}
