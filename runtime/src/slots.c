/*
 * slots.c — slot arrays: heap arrays of strong managed pointers that are
 * not objects (`struct node **items` in a user struct), grown and freed
 * through the runtime so that the plugin's stores stay correct.
 *
 * State: a slot array of n slots is NULL (n == 0) or a malloc'd block of n
 * pointers. Invariant: every slot holds NULL or one counted (strong)
 * reference, from the moment the slot exists until it is dropped. The
 * plugin rewrites `items[i] = o` as a store that releases the old value,
 * so an uninitialised slot (malloc, the tail realloc adds) would release
 * garbage: rc_slots_resize zeroes the slots it adds and releases the slots
 * it drops (element first to last, as an object's fields die), and
 * rc_slots_free releases them all before freeing the block. calloc'd
 * arrays satisfy the invariant too; the plugin rejects malloc/realloc of
 * slot arrays ([autorc-slots]).
 *
 * Arrays of plain structs that hold managed pointers (`struct kv *items`
 * with a `node *val` field) keep the same invariant element by element.
 * The runtime cannot know such a struct's layout, so the plugin rewrites
 * rc_slots_resize/rc_slots_free on them into rc__values_resize/_free with
 * the element's size and its generated release helper (`rc__vs_kv_dec`,
 * ValueStructs.h): new elements are zeroed, dropped ones released first to
 * last, each zeroed in the array before its references are released.
 */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Release slots [from, to), first to last; each is NULL before its
 * release, so a finalizer that looks at the array sees no dead pointer. */
static void release_range(void **s, size_t from, size_t to) {
    for (size_t i = from; i < to; i++) {
        void *o = s[i];
        s[i] = NULL;
        rc_decref(o);
    }
}

/* Release elements [from, to) of a value array, first to last: each is
 * copied out and zeroed before its references are released, as above. */
static void release_values(unsigned char *a, size_t from, size_t to, size_t size,
                           void (*dec)(void *)) {
    unsigned char small[256];
    unsigned char *tmp = size <= sizeof small ? small : rc__xmalloc(size);
    for (size_t i = from; i < to; i++) {
        memcpy(tmp, a + i * size, size);
        memset(a + i * size, 0, size);
        dec(tmp);
    }
    if (tmp != small) free(tmp);
}

/* Elements [from, to) of an array of pointer slots (dec NULL) or of values
 * released by dec. */
static void release_elements(unsigned char *a, size_t from, size_t to, size_t size,
                             void (*dec)(void *)) {
    if (dec)
        release_values(a, from, to, size, dec);
    else
        release_range((void **)a, from, to);
}

/* rc_slots_resize for both kinds of array (release_elements). */
static void *resize(unsigned char *a, size_t old_count, size_t new_count, size_t size,
                    void (*dec)(void *)) {
    if (!a) old_count = 0;
    if (new_count < old_count) release_elements(a, new_count, old_count, size, dec);
    if (new_count == 0) {
        free(a);
        return NULL;
    }
    if (size && new_count > SIZE_MAX / size)
        rc__fatal("rc_slots_resize: %zu elements of %zu bytes overflow the address space",
                  new_count, size);
    a = rc__xrealloc(a, new_count * size);
    if (new_count > old_count) memset(a + old_count * size, 0, (new_count - old_count) * size);
    return a;
}

static void free_elements(void *a, size_t count, size_t size, void (*dec)(void *)) {
    if (!a) return;
    release_elements(a, 0, count, size, dec);
    free(a);
}

void *rc_slots_resize(void *slots, size_t old_count, size_t new_count) {
    return resize(slots, old_count, new_count, sizeof(void *), NULL);
}

void rc_slots_free(void *slots, size_t count) { free_elements(slots, count, sizeof(void *), NULL); }

void *rc__values_resize(void *values, size_t old_count, size_t new_count, size_t size,
                        void (*dec)(void *)) {
    return resize(values, old_count, new_count, size, dec);
}

void rc__values_free(void *values, size_t count, size_t size, void (*dec)(void *)) {
    free_elements(values, count, size, dec);
}
