// rc_str: construction (C string, bytes with NULs, printf format, long
// results), length and bytes, equality and ordering as Python's str
// (bytewise, a prefix sorts first), a content hash, concatenation (x + ""
// is x), NULL taken as missing, and small strings in one block (the
// characters follow the head: tracemalloc sees one allocation).
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <string.h>

int main(void) {
    rc_str *a = rc_str_new("hello"), *b = rc_str_from_len("hello world", 5), *e = rc_str_new("");
    CHECK_EQ(rc_str_len(a), 5);
    CHECK(strcmp(rc_str_cstr(a), "hello") == 0);
    CHECK(rc_str_eq(a, b));
    CHECK(a != b);
    CHECK_EQ(rc_str_hash(a), rc_str_hash(b));
    CHECK_EQ(rc_str_len(e), 0);
    CHECK(rc_str_cstr(e)[0] == 0);
    CHECK(!rc_str_eq(a, e));
    CHECK(rc_is_str(a) && !rc_is_str(NULL));
    rc_str *z = rc_str_from_len("a\0b", 3);          /* embedded NUL */
    rc_str *z2 = rc_str_from_len("a\0c", 3);
    CHECK_EQ(rc_str_len(z), 3);
    CHECK(!rc_str_eq(z, z2));
    CHECK(rc_str_cmp(z, z2) < 0);
    /* ordering: "abc" < "abd" < "abda"; "" first; NULL before everything */
    rc_str *s1 = rc_str_new("abc"), *s2 = rc_str_new("abd"), *s3 = rc_str_new("abda");
    CHECK(rc_str_cmp(s1, s2) < 0 && rc_str_cmp(s2, s1) > 0);
    CHECK(rc_str_cmp(s2, s3) < 0);
    CHECK(rc_str_cmp(e, s1) < 0);
    CHECK(rc_str_cmp(NULL, e) < 0 && rc_str_cmp(e, NULL) > 0 && rc_str_cmp(NULL, NULL) == 0);
    CHECK(rc_str_eq(NULL, NULL) && !rc_str_eq(NULL, e));
    CHECK_EQ(rc_str_len(NULL), 0);
    CHECK(strcmp(rc_str_cstr(NULL), "") == 0);
    /* bytes >= 0x80 compare unsigned, as Python's UTF-8 code points */
    rc_str *hi = rc_str_new("\xc3\xa9"), *lo = rc_str_new("z");
    CHECK(rc_str_cmp(lo, hi) < 0);
    /* format */
    rc_str *f = rc_str_format("%s-%d-%.2f", "x", 42, 1.5);
    CHECK(strcmp(rc_str_cstr(f), "x-42-1.50") == 0);
    CHECK_EQ(rc_str_len(f), 9);
    rc_str *big = rc_str_format("%0*d", 100000, 7);  /* longer than any buffer */
    CHECK_EQ(rc_str_len(big), 100000);
    CHECK(rc_str_cstr(big)[99999] == '7' && rc_str_cstr(big)[0] == '0');
    CHECK(rc_str_cstr(big)[100000] == 0);
    /* concat */
    rc_str *w = rc_str_new(" world");
    rc_str *c = rc_str_concat(a, w);
    CHECK(strcmp(rc_str_cstr(c), "hello world") == 0);
    rc_str *same = rc_str_concat(a, e);
    CHECK(same == a);                                /* s + "" is s */
    CHECK_EQ(rc_getrefcount(a), 2);
    rc_decref(same);
    rc_str *same2 = rc_str_concat(NULL, a);
    CHECK(same2 == a);
    rc_decref(same2);
    rc_str *cc = rc_str_concat(c, c);
    CHECK_EQ(rc_str_len(cc), 22);
    rc_str *lc = rc_str_concat(big, a);              /* long + short */
    CHECK_EQ(rc_str_len(lc), 100005);
    CHECK(strcmp(rc_str_cstr(lc) + 100000, "hello") == 0);
    /* one block per small string */
    rc_tracemalloc_start(1);
    size_t cur0, peak;
    rc_tracemalloc_get_traced_memory(&cur0, &peak);
    rc_str *m = rc_str_new("a short string of 31 characters");
    size_t cur1;
    rc_tracemalloc_get_traced_memory(&cur1, &peak);
    CHECK(cur1 - cur0 <= 8 + 24 + 32);               /* head + header + chars */
    rc_decref(m);
    rc_tracemalloc_stop();
    rc_str *all[] = {a, b, e, z, z2, s1, s2, s3, hi, lo, f, big, w, c, cc, lc};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) rc_decref(all[i]);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
