/*
 * argcheck.c — the report of a bad object given to a built-in type's call.
 *
 * rc__need_type (builtins.h) is the inline test every rc_list, rc_dict,
 * rc_str and rc_weakref call makes on its object argument: the head's type
 * index and a count above 0; rc__need_alive the test of an object a call
 * stores (a count above 0). When it fails, this says which: an object of
 * another type (named), an object already released for the last time (a
 * stale pointer), or a pointer whose head names no type (not a managed
 * object at all). The head is only read, never trusted for an index: the
 * name comes from object.c's bounded look-up.
 */
#include "builtins.h"

void rc__bad_object(const void *obj, const char *expected, const char *fn) {
    const rc__head *h = RC_HEAD_OF(obj);
    const char *name = rc__head_type_name(h);
    if (!name)
        rc__fatal("%s: %p is not a managed object (expected an %s)", fn, obj, expected);
    if (h->refcnt == 0)
        rc__fatal("%s: the %s %p was already destroyed (its count is 0: used after its "
                  "last release)", fn, name, obj);
    rc__fatal("%s: %p is a '%s', not an %s", fn, obj, name, expected);
}
