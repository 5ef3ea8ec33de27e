// A built-in object used through a stale pointer, after its last release,
// or any object stored into one after its last release, is a fatal error
// naming the call and saying so, while the block still holds the dead head
// (pool and debug modes; a freed malloc block is not ours to read: under
// ASan that read is ASan's use-after-free report).
// REQUIRES: no-asan
// RUN: %cc %s %autorc_lib -o %t
// RUN: not --crash env AUTORC_MALLOC=pool %t list 2>&1 | FileCheck --check-prefix=LIST %s
// RUN: not --crash env AUTORC_MALLOC=debug %t list 2>&1 | FileCheck --check-prefix=LIST %s
// LIST: autorc: fatal: rc_list_append: the rc_list 0x{{[0-9a-f]+}} was already destroyed (its count is 0: used after its last release)
// RUN: not --crash env AUTORC_MALLOC=pool %t dict 2>&1 | FileCheck --check-prefix=DICT %s
// DICT: autorc: fatal: rc_dict_get: the rc_dict 0x{{[0-9a-f]+}} was already destroyed
// RUN: not --crash env AUTORC_MALLOC=pool %t str 2>&1 | FileCheck --check-prefix=STR %s
// STR: autorc: fatal: rc_str_len: the rc_str 0x{{[0-9a-f]+}} was already destroyed
// Storing a released object would bring its freed block back to life:
// RUN: not --crash env AUTORC_MALLOC=pool %t append 2>&1 | FileCheck --check-prefix=APPEND %s
// RUN: not --crash env AUTORC_MALLOC=debug %t append 2>&1 | FileCheck --check-prefix=APPEND %s
// APPEND: autorc: fatal: rc_list_append: the struct thing 0x{{[0-9a-f]+}} was already destroyed
// RUN: not --crash env AUTORC_MALLOC=pool %t dict_value 2>&1 | FileCheck --check-prefix=VALUE %s
// VALUE: autorc: fatal: rc_dict_set: the struct thing 0x{{[0-9a-f]+}} was already destroyed
#include <autorc.h>
#include <stdio.h>
#include <string.h>

struct thing { int v; };

int main(int argc, char **argv) {
    const char *c = argv[1];
    struct thing *t = rc_new(struct thing);
    if (!strcmp(c, "list")) {
        rc_list *l = rc_list_new();
        rc_decref(l);
        rc_list_append(l, t);
    } else if (!strcmp(c, "dict")) {
        rc_dict *d = rc_dict_new();
        rc_decref(d);
        rc_dict_get(d, t);
    } else if (!strcmp(c, "append")) {
        rc_list *l = rc_list_new();
        rc_decref(t);
        rc_list_append(l, t);
    } else if (!strcmp(c, "dict_value")) {
        rc_dict *d = rc_dict_new();
        rc_str *k = rc_str_new("k");
        rc_decref(t);
        rc_dict_set(d, k, t);
    } else if (!strcmp(c, "str")) {
        rc_str *s = rc_str_new("gone");
        rc_decref(s);
        printf("%zu\n", rc_str_len(s));
    }
    printf("returned\n");
    return 0;
}
