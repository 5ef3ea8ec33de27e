/*
 * list.c — rc_list, Python's list.
 *
 * A managed object holding a growable array of strong references (items may
 * be NULL). The array lives in malloc'd memory (it is not an object); the
 * type's traverse hook shows the items to the destroyer and the collector,
 * and its destroy hook frees the array.
 *
 * Layout: buf[0 .. cap) with the items at buf[head .. head + len): free
 * room at both ends, so the list is a deque as well as an array.
 *   - append grows at the back; pop(0) just advances head; insert(0, x)
 *     steps head back. When one end is full the other end's room is used
 *     (the items slide) if it is at least as large as the list, else the
 *     buffer grows by half plus four and the room is split, with
 *     len / 2 + 4 slots in front when the front ran out: every end
 *     operation is O(1) amortised.
 *   - insert and delete in the middle move the shorter side.
 * Invariants: head + len <= cap; items outside [head, head + len) are
 * garbage; buf == NULL iff cap == 0.
 *
 * Iterations (rc_list_foreach) count themselves in `iters`. While it is
 * non-zero, calls that remove or move items are a fatal error naming the
 * call, so an iteration never skips or repeats an item silently, and
 * appends (which only add at the back) are allowed, as in Python. The sort
 * marks the list too: during it every mutation (append included, which
 * could move the buffer under the merge) is a fatal error.
 *
 * Errors (fatal, naming the call, as Python raises): an index out of range,
 * pop from an empty list, a NULL list where a list is needed, an object
 * that is not a live rc_list (another type, or released for the last
 * time: builtins.h), mutation during iteration. Every call that drops references detaches the items
 * from the list first: a finalizer run by a release may use the list.
 */
#include "builtins.h"

#include <stdlib.h>
#include <string.h>

struct rc_list {
    void **buf;
    size_t head, len, cap;
    uint32_t iters;   /* running iterations */
    uint32_t sorting; /* rc_list_sort runs: the items are not in place */
};

/* The items; ITEMS only where the buffer exists (len > 0 or just grown),
 * items() anywhere (NULL + 0 is undefined behaviour in C). */
#define ITEMS(l) ((l)->buf + (l)->head)
static inline void **items(const rc_list *l) { return l->buf ? ITEMS(l) : NULL; }

static void list_traverse(void *self, rc_visit_fn visit, void *ctx) {
    rc_list *l = self;
    for (size_t i = 0; i < l->len; i++) visit(&ITEMS(l)[i], ctx);
}

static void list_destroy(void *self) {
    rc_list *l = self;
    free(l->buf);
    l->buf = NULL;
    l->head = l->len = l->cap = 0;
}

static uint32_t list_rt;
const rc_type rc__list_type = {
    .name = "rc_list",
    .size = sizeof(rc_list),
    .flags = RC_TYPE_BUILTIN,
    .traverse = list_traverse,
    .destroy = list_destroy,
    .align = _Alignof(rc_list),
    .rt = &list_rt,
};

rc_list *rc_list_new(void) {
    RC__RUNTIME_SITE(site, "rc_list_new");
    return rc__new(&rc__list_type, &site);
}

/* ---- checks ---------------------------------------------------------- */

static inline void need_list(const rc_list *l, const char *fn) {
    if (RC_UNLIKELY(!l)) rc__fatal("%s: the list is NULL", fn);
    rc__need_type(l, &list_rt, "rc_list", fn);
}

/* The second list of a call that takes two (extend). */
static inline void need_other(const rc_list *l, const char *fn) {
    if (RC_UNLIKELY(!l)) rc__fatal("%s: the list to add is NULL", fn);
    rc__need_type(l, &list_rt, "rc_list", fn);
}

static RC_NOINLINE RC_NORETURN void while_sorting(const char *fn) {
    rc__fatal("%s: list modified during rc_list_sort (by the comparison function)", fn);
}

/* A call that adds or replaces items: not during a sort. */
static inline void need_mut(const rc_list *l, const char *fn) {
    need_list(l, fn);
    if (RC_UNLIKELY(l->sorting)) while_sorting(fn);
}

/* A call that removes or moves items: not during an iteration either. */
static inline void need_still(const rc_list *l, const char *fn) {
    need_mut(l, fn);
    if (RC_UNLIKELY(l->iters))
        rc__fatal("%s: list changed during iteration (only append, extend and set are "
                  "allowed while rc_list_foreach runs)",
                  fn);
}

/* Python's index rule: negative counts from the end; out of range fatal. */
static inline size_t norm_index(const rc_list *l, ptrdiff_t i, const char *fn) {
    ptrdiff_t n = (ptrdiff_t)l->len;
    ptrdiff_t j = i < 0 ? i + n : i;
    if (RC_UNLIKELY(j < 0 || j >= n))
        rc__fatal("%s: index %td out of range (list length %zu)", fn, i, l->len);
    return (size_t)j;
}

/* Python's slice/insert rule: negative counts from the end, then clamp. */
static inline size_t clamp_index(const rc_list *l, ptrdiff_t i) {
    ptrdiff_t n = (ptrdiff_t)l->len;
    if (i < 0) i += n;
    if (i < 0) return 0;
    if (i > n) return (size_t)n;
    return (size_t)i;
}

/* ---- room at the ends ------------------------------------------------ */

/* Rebuild the buffer with `front` free slots before the items and room
 * for at least `back` after them. */
static RC_NOINLINE void regrow(rc_list *l, size_t front, size_t back) {
    size_t grown = l->cap + (l->cap >> 1) + 4;
    size_t need = front + l->len + back;
    if (need < l->len || need > SIZE_MAX / sizeof(void *) / 2)
        rc__fatal("rc_list: %zu items is too many", l->len);
    size_t cap = grown > need ? grown : need;
    void **nb = malloc(cap * sizeof(void *));
    if (!nb)
        rc__fatal("rc_list: out of memory growing a list of %zu items (%zu bytes)", l->len,
                  cap * sizeof(void *));
    if (l->len) memcpy(nb + front, ITEMS(l), l->len * sizeof(void *));
    free(l->buf);
    l->buf = nb;
    l->head = front;
    l->cap = cap;
}

/* Room for one more item at the back. */
static inline void room_back(rc_list *l) {
    if (RC_LIKELY(l->head + l->len < l->cap)) return;
    if (l->head > 0 && l->head >= l->len) { /* slide to the front: paid by the pops */
        memmove(l->buf, ITEMS(l), l->len * sizeof(void *));
        l->head = 0;
        return;
    }
    regrow(l, l->head, 1);
}

/* Room for one more item at the front. */
static inline void room_front(rc_list *l) {
    if (RC_LIKELY(l->head > 0)) return;
    size_t back = l->cap - l->len;
    if (back > 0 && back >= l->len) { /* slide to the back */
        size_t front = back - back / 2;
        memmove(l->buf + front, l->buf, l->len * sizeof(void *));
        l->head = front;
        return;
    }
    regrow(l, l->len / 2 + 4, l->cap - l->len);
}

/* ---- Python's list API ------------------------------------------------ */

void rc_list_append(rc_list *l, void *obj) {
    need_mut(l, "rc_list_append");
    rc__need_alive(obj, "rc_list_append");
    room_back(l);
    ITEMS(l)[l->len++] = rc_incref(obj);
}

void rc_list_insert(rc_list *l, ptrdiff_t i, void *obj) {
    need_still(l, "rc_list_insert");
    rc__need_alive(obj, "rc_list_insert");
    size_t k = clamp_index(l, i); /* like list.insert: clamps */
    if (k == l->len) {
        room_back(l);
    } else if (k < l->len - k) { /* move the front part one slot down */
        room_front(l);
        l->head--;
        memmove(ITEMS(l), ITEMS(l) + 1, k * sizeof(void *));
        l->len++;
        ITEMS(l)[k] = rc_incref(obj);
        return;
    } else {
        room_back(l);
        memmove(ITEMS(l) + k + 1, ITEMS(l) + k, (l->len - k) * sizeof(void *));
    }
    ITEMS(l)[k] = rc_incref(obj);
    l->len++;
}

void *rc_list_get(rc_list *l, ptrdiff_t i) {
    need_list(l, "rc_list_get");
    size_t k = norm_index(l, i, "rc_list_get");
    return ITEMS(l)[k];
}

void rc_list_set(rc_list *l, ptrdiff_t i, void *obj) {
    need_mut(l, "rc_list_set");
    rc__need_alive(obj, "rc_list_set");
    size_t k = norm_index(l, i, "rc_list_set");
    void **slot = &ITEMS(l)[k];
    void *old = *slot;
    *slot = rc_incref(obj);
    rc_decref(old);
}

size_t rc_list_len(const rc_list *l) {
    if (!l) return 0;
    need_list(l, "rc_list_len");
    return l->len;
}

/* Take item k out of the list (its reference passes to the caller),
 * moving the shorter side. */
static void *take(rc_list *l, size_t k) {
    void **it = ITEMS(l);
    void *v = it[k];
    if (k < l->len - 1 - k) {
        memmove(it + 1, it, k * sizeof(void *));
        l->head++;
    } else {
        memmove(it + k, it + k + 1, (l->len - 1 - k) * sizeof(void *));
    }
    if (--l->len == 0) l->head = l->cap / 2; /* empty: room at both ends */
    return v;
}

void *rc_list_pop(rc_list *l) {
    need_still(l, "rc_list_pop");
    if (RC_UNLIKELY(l->len == 0)) rc__fatal("rc_list_pop: pop from empty list");
    return ITEMS(l)[--l->len]; /* the list's reference passes to the caller */
}

void *rc_list_pop_at(rc_list *l, ptrdiff_t i) {
    need_still(l, "rc_list_pop_at");
    if (RC_UNLIKELY(l->len == 0)) rc__fatal("rc_list_pop_at: pop from empty list");
    return take(l, norm_index(l, i, "rc_list_pop_at"));
}

void rc_list_delete(rc_list *l, ptrdiff_t i) {
    need_still(l, "rc_list_delete");
    rc_decref(take(l, norm_index(l, i, "rc_list_delete")));
}

static ptrdiff_t find(const rc_list *l, const void *obj) {
    void *const *it = items(l);
    for (size_t i = 0; i < l->len; i++)
        if (it[i] == obj) return (ptrdiff_t)i;
    return -1;
}

ptrdiff_t rc_list_index(const rc_list *l, const void *obj) {
    if (!l) return -1;
    need_list(l, "rc_list_index");
    return find(l, obj);
}

int rc_list_contains(const rc_list *l, const void *obj) {
    if (!l) return 0;
    need_list(l, "rc_list_contains");
    return find(l, obj) >= 0;
}

int rc_list_remove(rc_list *l, const void *obj) {
    need_still(l, "rc_list_remove");
    ptrdiff_t i = find(l, obj);
    if (i < 0) return 0;
    rc_decref(take(l, (size_t)i));
    return 1;
}

void rc_list_extend(rc_list *l, rc_list *other) {
    need_mut(l, "rc_list_extend");
    need_other(other, "rc_list_extend");
    size_t n = other->len; /* l.extend(l) doubles l: read the length once */
    if (l->head + l->len + n > l->cap) regrow(l, l->head, n);
    for (size_t i = 0; i < n; i++) ITEMS(l)[l->len + i] = rc_incref(ITEMS(other)[i]);
    l->len += n;
}

void rc_list_reverse(rc_list *l) {
    need_still(l, "rc_list_reverse");
    void **it = items(l);
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        void *t = it[i];
        it[i] = it[j - 1];
        it[j - 1] = t;
    }
}

/* Bottom-up merge sort: stable, n log n comparisons, one n-slot buffer;
 * runs of up to 8 are sorted by insertion first. */
static void sort_items(void **a, size_t n, int (*cmp)(const void *, const void *)) {
    enum { RUN = 8 };
    for (size_t s = 0; s < n; s += RUN) {
        size_t e = s + RUN < n ? s + RUN : n;
        for (size_t i = s + 1; i < e; i++) {
            void *v = a[i];
            size_t j = i;
            while (j > s && cmp(a[j - 1], v) > 0) { a[j] = a[j - 1]; j--; }
            a[j] = v;
        }
    }
    if (n <= RUN) return;
    void **tmp = rc__xmalloc(n * sizeof(void *)), **src = a, **dst = tmp;
    for (size_t w = RUN; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            if (mid == hi || cmp(src[mid - 1], src[mid]) <= 0) { /* already in order */
                memcpy(dst + lo, src + lo, (hi - lo) * sizeof(void *));
                continue;
            }
            while (i < mid && j < hi) dst[k++] = cmp(src[j], src[i]) < 0 ? src[j++] : src[i++];
            while (i < mid) dst[k++] = src[i++];
            while (j < hi) dst[k++] = src[j++];
        }
        void **t = src; src = dst; dst = t;
    }
    if (src != a) memcpy(a, src, n * sizeof(void *));
    free(tmp);
}

void rc_list_sort(rc_list *l, int (*cmp)(const void *a, const void *b)) {
    need_still(l, "rc_list_sort");
    if (!cmp) rc__fatal("rc_list_sort: the comparison function is NULL");
    l->sorting = 1; /* a comparison that mutates the list is caught */
    sort_items(items(l), l->len, cmp);
    l->sorting = 0;
}

rc_list *rc_list_slice(rc_list *l, ptrdiff_t start, ptrdiff_t stop) {
    need_list(l, "rc_list_slice");
    size_t a = clamp_index(l, start), b = clamp_index(l, stop);
    rc_list *r = rc_list_new();
    if (b > a) {
        regrow(r, 0, b - a);
        for (size_t i = a; i < b; i++) ITEMS(r)[i - a] = rc_incref(ITEMS(l)[i]);
        r->len = b - a;
    }
    return r;
}

void rc_list_clear(rc_list *l) {
    need_still(l, "rc_list_clear");
    /* Detach the items first: releasing one may run code that uses l. */
    size_t n = l->len;
    void **its = items(l), **buf = l->buf;
    l->buf = NULL;
    l->head = l->len = l->cap = 0;
    for (size_t i = 0; i < n; i++) rc_decref(its[i]);
    free(buf);
}

/* ---- iteration (rc_list_foreach) --------------------------------------- */

rc_list_iter rc__list_iter_begin(void *obj) {
    rc_list *l = obj;
    need_list(l, "rc_list_foreach");
    if (RC_UNLIKELY(l->iters == UINT32_MAX)) rc__fatal("rc_list_foreach: too many nested iterations");
    rc_incref(l);
    l->iters++;
    rc_list_iter it = {l, NULL, 0, 1};
    return it;
}

int rc__list_iter_next(rc_list_iter *it) {
    rc_list *l = it->list;
    void *old = it->cur;
    if (it->next < l->len) {
        it->cur = rc_incref(ITEMS(l)[it->next++]);
    } else {
        it->cur = NULL;
        it->live = 0;
    }
    rc_decref(old);
    return it->live;
}

void rc__list_iter_end(rc_list_iter *it) {
    rc_list *l = it->list;
    void *cur = it->cur;
    it->cur = NULL;
    it->list = NULL;
    if (!l) return;
    l->iters--;
    rc_decref(cur);
    rc_decref(l);
}
