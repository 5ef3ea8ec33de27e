// When the system refuses memory, a built-in type stops the program with a
// message naming the type and the size it needed (never a NULL result, a
// crash or a glibc abort). The program caps its own address space with
// setrlimit (ASan reserves terabytes of shadow: not under ASan).
// REQUIRES: no-asan
// RUN: %cc %s %autorc_lib -o %t
// RUN: not --crash %t list 2>&1 | FileCheck --check-prefix=LIST %s
// LIST: autorc: fatal: rc_list: out of memory growing a list of {{[0-9]+}} items ({{[0-9]+}} bytes)
// RUN: not --crash %t str 2>&1 | FileCheck --check-prefix=STR %s
// STR: autorc: fatal: rc_str: out of memory for a string of 1073741824 bytes
// RUN: not --crash %t dict 2>&1 | FileCheck --check-prefix=DICT %s
// DICT: autorc: fatal: rc_dict: out of memory {{(growing to [0-9]+ keys|for the index of [0-9]+ keys)}} ({{[0-9]+}} bytes)
// RUN: not --crash %t object 2>&1 | FileCheck --check-prefix=OBJ %s
// OBJ: autorc: fatal: out of memory: rc_new(struct huge) needs 1048584 bytes
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

struct thing { int v; };
struct huge { char data[1 << 20]; };

/* The address space in use now plus `more` bytes, and no more. */
static void limit_to(size_t more) {
    unsigned long pages = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f || fscanf(f, "%lu", &pages) != 1) { perror("/proc/self/statm"); exit(2); }
    fclose(f);
    rlim_t n = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + more;
    struct rlimit lim = {n, n};
    if (setrlimit(RLIMIT_AS, &lim) != 0) { perror("setrlimit"); exit(2); }
}

int main(int argc, char **argv) {
    const char *c = argv[1];
    if (strcmp(c, "dict")) limit_to(256u << 20);
    struct thing *t = rc_new(struct thing);
    if (!strcmp(c, "list")) {
        rc_list *l = rc_list_new();
        for (;;) rc_list_append(l, t);
    } else if (!strcmp(c, "str")) {
        static const char x[1] = "x";
        /* from_len copies n bytes: a 1 GiB string from a 1-byte buffer is
         * never read, the allocation fails first */
        rc_str_from_len(x, (size_t)1 << 30);
    } else if (!strcmp(c, "dict")) {
        /* the keys first, then 16 MiB more address space: only the dict's
         * own tables can run out */
        enum { N = 2000000 };
        rc_list *keys = rc_list_new();
        for (int i = 0; i < N; i++) {
            struct thing *k = rc_new(struct thing);
            rc_list_append(keys, k);
            rc_decref(k);
        }
        limit_to(16u << 20);
        rc_dict *d = rc_dict_new();
        for (int i = 0; i < N; i++) rc_dict_set(d, rc_list_get(keys, i), NULL);
    } else if (!strcmp(c, "object")) {
        for (;;) rc_new(struct huge);
    }
    printf("returned\n");
    return 0;
}
