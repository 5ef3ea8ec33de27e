// A built-in type's call given an object of another type stops with a fatal
// error naming the call, the object and what it is (Python's TypeError),
// instead of reading the object as the wrong layout (silent corruption, or
// a crash far from the mistake). Casts are how C code gets there: a
// `void *` from a container, a wrong cast.
// RUN: %cc %s %autorc_lib -o %t
// RUN: not --crash %t list_on_dict 2>&1 | FileCheck --check-prefix=LD %s
// LD: autorc: fatal: rc_list_append: 0x{{[0-9a-f]+}} is a 'rc_dict', not an rc_list
// RUN: not --crash %t list_on_struct 2>&1 | FileCheck --check-prefix=LS %s
// LS: autorc: fatal: rc_list_get: 0x{{[0-9a-f]+}} is a 'struct thing', not an rc_list
// RUN: not --crash %t len_on_str 2>&1 | FileCheck --check-prefix=LEN %s
// LEN: autorc: fatal: rc_list_len: 0x{{[0-9a-f]+}} is a 'rc_str', not an rc_list
// RUN: not --crash %t extend_other 2>&1 | FileCheck --check-prefix=EXT %s
// EXT: autorc: fatal: rc_list_extend: 0x{{[0-9a-f]+}} is a 'struct thing', not an rc_list
// RUN: not --crash %t extend_null 2>&1 | FileCheck --check-prefix=EXTNULL %s
// EXTNULL: autorc: fatal: rc_list_extend: the list to add is NULL
// RUN: not --crash %t contains_on_dict 2>&1 | FileCheck --check-prefix=CONT %s
// CONT: autorc: fatal: rc_list_contains: 0x{{[0-9a-f]+}} is a 'rc_dict', not an rc_list
// RUN: not --crash %t dict_on_list 2>&1 | FileCheck --check-prefix=DL %s
// DL: autorc: fatal: rc_dict_set: 0x{{[0-9a-f]+}} is a 'rc_list', not an rc_dict
// RUN: not --crash %t dict_len_on_struct 2>&1 | FileCheck --check-prefix=DLEN %s
// DLEN: autorc: fatal: rc_dict_len: 0x{{[0-9a-f]+}} is a 'struct thing', not an rc_dict
// RUN: not --crash %t str_on_list 2>&1 | FileCheck --check-prefix=SL %s
// SL: autorc: fatal: rc_str_cstr: 0x{{[0-9a-f]+}} is a 'rc_list', not an rc_str
// RUN: not --crash %t str_eq_on_struct 2>&1 | FileCheck --check-prefix=SEQ %s
// SEQ: autorc: fatal: rc_str_eq: 0x{{[0-9a-f]+}} is a 'struct thing', not an rc_str
// RUN: not --crash %t weakref_on_list 2>&1 | FileCheck --check-prefix=WL %s
// WL: autorc: fatal: rc_weakref_get: 0x{{[0-9a-f]+}} is a 'rc_list', not an rc_weakref
// RUN: %t right 2>&1 | FileCheck --check-prefix=RIGHT %s
// RIGHT: right types: 1 1 3 1 1
#include <autorc.h>
#include <stdio.h>
#include <string.h>

struct thing { int v; };

int main(int argc, char **argv) {
    const char *c = argv[1];
    struct thing *t = rc_new(struct thing);
    rc_list *l = rc_list_new();
    rc_dict *d = rc_dict_new();
    rc_str *s = rc_str_new("abc");
    void *any;
    if (!strcmp(c, "list_on_dict")) { any = d; rc_list_append(any, t); }
    else if (!strcmp(c, "list_on_struct")) { any = t; rc_list_get(any, 0); }
    else if (!strcmp(c, "len_on_str")) { any = s; rc_list_len(any); }
    else if (!strcmp(c, "extend_other")) { any = t; rc_list_extend(l, any); }
    else if (!strcmp(c, "extend_null")) rc_list_extend(l, NULL);
    else if (!strcmp(c, "contains_on_dict")) { any = d; rc_list_contains(any, t); }
    else if (!strcmp(c, "dict_on_list")) { any = l; rc_dict_set(any, t, t); }
    else if (!strcmp(c, "dict_len_on_struct")) { any = t; rc_dict_len(any); }
    else if (!strcmp(c, "str_on_list")) { any = l; rc_str_cstr(any); }
    else if (!strcmp(c, "str_eq_on_struct")) { any = t; rc_str_eq(s, any); }
    else if (!strcmp(c, "weakref_on_list")) { any = l; rc_weakref_get(any); }
    else {
        /* the same calls with the right objects, and NULL where NULL is allowed */
        rc_list_append(l, t);
        rc_dict_set(d, s, t);
        rc_weakref *w = rc_weakref_new(t, NULL, NULL);
        void *got = rc_weakref_get(w);
        printf("right types: %zu %zu %zu %d %d\n", rc_list_len(l), rc_dict_len(d), rc_str_len(s),
               got == t, rc_list_len(NULL) == 0 && rc_dict_len(NULL) == 0 && !rc_weakref_get(NULL));
        rc_decref(got);
        rc_decref(w);
        rc_decref(t); rc_decref(l); rc_decref(d); rc_decref(s);
        return 0;
    }
    printf("returned\n");
    return 0;
}
