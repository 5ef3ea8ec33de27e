// An LRU cache as a Python port writes it (OrderedDict): an rc_dict from
// rc_str keys to entries on a doubly linked list with RC_WEAK back links,
// moved to the front on every hit and evicted from the tail. The evicted
// entry dies at once (dict and list both drop it), the rest at the end.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>
#include <string.h>

typedef struct RC_MANAGED entry {
    struct entry *next;
    RC_WEAK struct entry *prev;
    rc_str *key;
    int value;
} entry;

typedef struct RC_MANAGED lru {
    rc_dict *map;     /* key -> entry */
    entry *head;      /* most recent */
    RC_WEAK entry *tail;
    size_t cap, size;
    long hits, misses;
} lru;

static int evicted;
RC_FINALIZER void entry_fin(entry *e) { printf("  drop %s=%d\n", rc_str_cstr(e->key), e->value); evicted++; }

static lru *lru_new(size_t cap) {
    lru *c = rc_new(lru);
    c->map = rc_dict_new();
    c->cap = cap;
    return c;
}

static void unlink_entry(lru *c, entry *e) {
    entry *keep = e;            /* hold it while the links change */
    if (e->prev) e->prev->next = e->next; else c->head = e->next;
    if (e->next) e->next->prev = e->prev; else c->tail = e->prev;
    keep->next = NULL;
    keep->prev = NULL;
}

static void push_front(lru *c, entry *e) {
    e->next = c->head;
    if (c->head) c->head->prev = e;
    c->head = e;
    if (!c->tail) c->tail = e;
}

static int lru_get(lru *c, const char *k, int *out) {
    rc_str *key = rc_str_new(k);
    entry *e = rc_dict_get(c->map, key);
    if (!e) { c->misses++; return 0; }
    c->hits++;
    if (e != c->head) { unlink_entry(c, e); push_front(c, e); }
    *out = e->value;
    return 1;
}

static void lru_put(lru *c, const char *k, int v) {
    rc_str *key = rc_str_new(k);
    entry *e = rc_dict_get(c->map, key);
    if (e) {
        e->value = v;
        unlink_entry(c, e);
        push_front(c, e);
        return;
    }
    e = rc_new(entry);
    e->key = key;
    e->value = v;
    rc_dict_set(c->map, key, e);
    push_front(c, e);
    if (++c->size > c->cap) {
        entry *old = c->tail;
        unlink_entry(c, old);
        rc_dict_del(c->map, old->key);
        c->size--;
    }
}

static void lru_dump(const lru *c) {
    printf("  [");
    for (entry *p = c->head; p; p = p->next)
        printf("%s%s=%d", p == c->head ? "" : " ", rc_str_cstr(p->key), p->value);
    printf("]\n");
}

int main(void) {
    lru *c = lru_new(3);
    const char *ops[] = {"put a 1", "put b 2", "put c 3", "get a", "put d 4", "get b", "get c",
                         "put a 10", "put e 5", "get d", "get a", "get e"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        char op[4], k[8];
        int v = 0;
        sscanf(ops[i], "%3s %7s %d", op, k, &v);
        if (op[0] == 'p') { printf("put %s %d\n", k, v); lru_put(c, k, v); }
        else {
            int got;
            if (lru_get(c, k, &got)) printf("get %s -> %d\n", k, got);
            else printf("get %s -> miss\n", k);
        }
        lru_dump(c);
    }
    printf("hits %ld misses %ld size %zu evicted %d\n", c->hits, c->misses, c->size, evicted);
    c = NULL;
    printf("evicted %d live %zu\n", evicted, rc_live_objects());
    return rc_live_objects() != 0;
}
// CHECK: put a 1
// CHECK-NEXT:   [a=1]
// CHECK-NEXT: put b 2
// CHECK-NEXT:   [b=2 a=1]
// CHECK-NEXT: put c 3
// CHECK-NEXT:   [c=3 b=2 a=1]
// CHECK-NEXT: get a -> 1
// CHECK-NEXT:   [a=1 c=3 b=2]
// CHECK-NEXT: put d 4
// CHECK-NEXT:   drop b=2
// CHECK-NEXT:   [d=4 a=1 c=3]
// CHECK-NEXT: get b -> miss
// CHECK-NEXT:   [d=4 a=1 c=3]
// CHECK-NEXT: get c -> 3
// CHECK-NEXT:   [c=3 d=4 a=1]
// CHECK-NEXT: put a 10
// CHECK-NEXT:   [a=10 c=3 d=4]
// CHECK-NEXT: put e 5
// CHECK-NEXT:   drop d=4
// CHECK-NEXT:   [e=5 a=10 c=3]
// CHECK-NEXT: get d -> miss
// CHECK-NEXT:   [e=5 a=10 c=3]
// CHECK-NEXT: get a -> 10
// CHECK-NEXT:   [a=10 e=5 c=3]
// CHECK-NEXT: get e -> 5
// CHECK-NEXT:   [e=5 a=10 c=3]
// CHECK-NEXT: hits 4 misses 2 size 3 evicted 2
// CHECK-NEXT:   drop e=5
// CHECK-NEXT:   drop a=10
// CHECK-NEXT:   drop c=3
// CHECK-NEXT: evicted 5 live 0
