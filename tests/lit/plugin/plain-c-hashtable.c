// A plain C program (no managed types: a chained hash table with
// malloc/free) compiles and runs identically with the plugin loaded: same
// output and exit status, no diagnostics, and the text the compile sees is
// byte for byte the user's (emit writes the original).
// REQUIRES: plugin
// RUN: %cc %s -o %t.plain
// RUN: sh -c '%t.plain; echo "exit $?"' > %t.plain.out
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=%t.emitted.c %s -o %t.plugin 2> %t.plugin.err
// RUN: sh -c '%t.plugin; echo "exit $?"' > %t.plugin.out
// RUN: diff %t.plain.out %t.plugin.out
// RUN: cmp %s %t.emitted.c
// RUN: count 0 < %t.plugin.err
// RUN: FileCheck %s < %t.plugin.out
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
    char *key;
    int value;
    struct entry *next;
};

struct table {
    size_t nbuckets, count;
    struct entry **buckets;
};

static unsigned long hash(const char *s) {
    unsigned long h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

static struct table *table_new(size_t n) {
    struct table *t = malloc(sizeof *t);
    t->nbuckets = n;
    t->count = 0;
    t->buckets = calloc(n, sizeof *t->buckets);
    return t;
}

static void table_put(struct table *t, const char *key, int value) {
    struct entry **slot = &t->buckets[hash(key) % t->nbuckets];
    for (struct entry *e = *slot; e; e = e->next)
        if (strcmp(e->key, key) == 0) {
            e->value = value;
            return;
        }
    struct entry *e = malloc(sizeof *e);
    e->key = strdup(key);
    e->value = value;
    e->next = *slot;
    *slot = e;
    t->count++;
}

static int table_get(struct table *t, const char *key, int *out) {
    for (struct entry *e = t->buckets[hash(key) % t->nbuckets]; e; e = e->next)
        if (strcmp(e->key, key) == 0) {
            *out = e->value;
            return 1;
        }
    return 0;
}

static void table_free(struct table *t) {
    for (size_t i = 0; i < t->nbuckets; i++) {
        struct entry *e = t->buckets[i];
        while (e) {
            struct entry *next = e->next;
            free(e->key);
            free(e);
            e = next;
        }
    }
    free(t->buckets);
    free(t);
}

int main(void) {
    struct table *t = table_new(7);
    char key[32];
    for (int i = 0; i < 100; i++) {
        snprintf(key, sizeof key, "k%d", i % 37);
        table_put(t, key, i);
    }
    int v = 0, found = table_get(t, "k5", &v);
    printf("count=%zu k5=%d found=%d missing=%d\n", t->count, v, found, table_get(t, "zz", &v));
    table_free(t);
    return 3;
}
// CHECK: count=37 k5=79 found=1 missing=0
// CHECK: exit 3
