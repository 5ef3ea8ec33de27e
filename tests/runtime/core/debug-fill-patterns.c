// AUTORC_MALLOC=debug fills fresh memory with 0xCD (rc_new then zero-fills
// the struct, as promised) and freed memory with 0xDD, and keeps freed blocks
// in a quarantine so their dead heads stay recognisable.
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <stdbool.h>
#include <string.h>

void *rc__debug_alloc(size_t n); /* internal, for this test */
void rc__debug_free(void *p, size_t n, size_t head);
bool rc__debug_is_freed(const void *p);

struct obj { unsigned char bytes[40]; };

int main(void) {
    CHECK(strcmp(rc_allocator_name(), "debug") == 0);
    unsigned char *raw = rc__debug_alloc(24);
    for (int i = 0; i < 24; i++) CHECK_EQ(raw[i], 0xCD);
    rc__debug_free(raw, 24, (size_t)-1); /* no object in it */
    CHECK(rc__debug_is_freed(raw));
    struct obj *o = rc_new(struct obj);
    for (int i = 0; i < 40; i++) CHECK_EQ(o->bytes[i], 0); /* rc_new zero-fills */
    rc_decref(o);
    /* Still mapped (quarantine): the body is 0xDD, the head says dead. */
    for (int i = 0; i < 40; i++) CHECK_EQ(o->bytes[i], 0xDD);
    CHECK_EQ(rc_getrefcount(o), 0);
    CHECK_DONE();
}
