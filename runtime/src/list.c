/*
 * list.c — rc_list, the one built-in container (Python's list).
 *
 * A managed object holding a growable array of strong references. Items may
 * be NULL. The array lives in malloc'd memory (it is not an object); the
 * type's traverse hook shows the items to the destroyer and the collector,
 * and its destroy hook frees the array. Growth is geometric (x1.5 + 4), as
 * in CPython's list_resize, so appends are amortised O(1).
 *
 * Out-of-range indexes are a programming error: the runtime aborts with a
 * message naming the index and the length, as Python raises IndexError.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct rc_list {
    size_t len, cap;
    void **items;
};

static void list_traverse(void *self, rc_visit_fn visit, void *ctx) {
    rc_list *l = self;
    for (size_t i = 0; i < l->len; i++) visit(&l->items[i], ctx);
}

static void list_destroy(void *self) {
    rc_list *l = self;
    free(l->items);
    l->items = NULL;
    l->len = l->cap = 0;
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
    static const rc_site site = {__FILE__, "rc_list_new", __LINE__};
    return rc__new(&rc__list_type, &site);
}

static void reserve(rc_list *l, size_t need) {
    if (need <= l->cap) return;
    size_t cap = l->cap + (l->cap >> 1) + 4;
    if (cap < need) cap = need;
    if (cap > SIZE_MAX / sizeof(void *)) rc__fatal("rc_list: %zu items is too many", need);
    l->items = rc__xrealloc(l->items, cap * sizeof(void *));
    l->cap = cap;
}

static void check_index(const rc_list *l, size_t i, const char *fn) {
    if (RC_UNLIKELY(i >= l->len))
        rc__fatal("%s: index %zu out of range (list length %zu)", fn, i, l->len);
}

void rc_list_append(rc_list *l, void *obj) {
    reserve(l, l->len + 1);
    l->items[l->len++] = rc_incref(obj);
}

void rc_list_insert(rc_list *l, size_t i, void *obj) {
    if (i > l->len) i = l->len; /* like list.insert: clamps */
    reserve(l, l->len + 1);
    memmove(&l->items[i + 1], &l->items[i], (l->len - i) * sizeof(void *));
    l->items[i] = rc_incref(obj);
    l->len++;
}

void *rc_list_get(rc_list *l, size_t i) {
    check_index(l, i, "rc_list_get");
    return l->items[i];
}

void rc_list_set(rc_list *l, size_t i, void *obj) {
    check_index(l, i, "rc_list_set");
    void *old = l->items[i];
    l->items[i] = rc_incref(obj);
    rc_decref(old);
}

size_t rc_list_len(const rc_list *l) { return l ? l->len : 0; }

void *rc_list_pop(rc_list *l) {
    if (l->len == 0) rc__fatal("rc_list_pop: pop from empty list");
    return l->items[--l->len]; /* the list's reference passes to the caller */
}

long rc_list_index(const rc_list *l, const void *obj) {
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i] == obj) return (long)i;
    return -1;
}

void rc_list_clear(rc_list *l) {
    /* Detach the items first: releasing one may run code that uses l. */
    size_t n = l->len;
    void **items = l->items;
    l->items = NULL;
    l->len = l->cap = 0;
    for (size_t i = 0; i < n; i++) rc_decref(items[i]);
    free(items);
}
