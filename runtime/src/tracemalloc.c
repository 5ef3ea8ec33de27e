/*
 * tracemalloc.c — allocation tracing. (Being built: see issue "tracemalloc".)
 */
#include "internal.h"

bool rc__tracing;
void rc__trace_init(void) {}
void rc__trace_alloc(void *obj, size_t size, const rc_site *site) { (void)obj; (void)size; (void)site; }
void rc__trace_free(void *obj) { (void)obj; }
