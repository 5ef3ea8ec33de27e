// An LRU cache: entries in a doubly linked list, most recent first; the
// cache keeps the head and the tail. The entries link both ways
// (next/prev), one design cycle; `prev` is the back link (its name), and
// the fix-it makes it RC_WEAK: evicting and moving entries still works and
// the program frees everything by counting alone.
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED entry {
    struct entry *next; // WANT: cycle@lru
    struct entry *prev; // WANT: cycle@lru WANT-FIX: RC_WEAK
    int key, value;
};
struct RC_MANAGED cache {
    struct entry *head, *tail;
    int size, capacity, hits, misses;
};

static void unlink_entry(struct cache *c, struct entry *e) {
    if (e->prev)
        e->prev->next = e->next;
    else
        c->head = e->next;
    if (e->next)
        e->next->prev = e->prev;
    else
        c->tail = e->prev;
    e->next = NULL;
    e->prev = NULL;
}

static void push_front(struct cache *c, struct entry *e) {
    e->next = c->head;
    if (c->head)
        c->head->prev = e;
    c->head = e;
    if (!c->tail)
        c->tail = e;
}

int cache_get(struct cache *c, int key, int *value) {
    for (struct entry *e = c->head; e; e = e->next)
        if (e->key == key) {
            unlink_entry(c, e);
            push_front(c, e);
            *value = e->value;
            c->hits++;
            return 1;
        }
    c->misses++;
    return 0;
}

void cache_put(struct cache *c, int key, int value) {
    if (c->size == c->capacity) {
        struct entry *old = c->tail;
        unlink_entry(c, old);
        c->size--;
    }
    struct entry *e = rc_new(struct entry);
    e->key = key;
    e->value = value;
    push_front(c, e);
    c->size++;
}

static void run(void) {
    struct cache *c = rc_new(struct cache);
    c->capacity = 4;
    for (int i = 0; i < 40; i++) {
        int key = (i * 7) % 9, v;
        if (!cache_get(c, key, &v))
            cache_put(c, key, key * key);
    }
    printf("hits %d misses %d size %d\n", c->hits, c->misses, c->size);
    for (struct entry *e = c->head; e; e = e->next)
        printf("%d=%d\n", e->key, e->value);
}

int main(void) {
    run();
    printf("live %zu\n", rc_live_objects());
    return 0;
}
