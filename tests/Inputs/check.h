/* check.h — tiny assertions for the runtime unit tests: a failed CHECK
 * prints the expression and location and makes the test exit non-zero. */
#ifndef AUTORC_TEST_CHECK_H
#define AUTORC_TEST_CHECK_H
#include <stdio.h>
#include <stdlib.h>

static int check_failures;
#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            check_failures++;                                                        \
        }                                                                            \
    } while (0)
#define CHECK_EQ(a, b)                                                                       \
    do {                                                                                     \
        long long check_a = (long long)(a), check_b = (long long)(b);                        \
        if (check_a != check_b) {                                                            \
            fprintf(stderr, "%s:%d: CHECK_EQ failed: %s == %s (%lld != %lld)\n", __FILE__,   \
                    __LINE__, #a, #b, check_a, check_b);                                     \
            check_failures++;                                                                \
        }                                                                                    \
    } while (0)
#define CHECK_DONE()                                                           \
    do {                                                                       \
        if (check_failures) {                                                  \
            fprintf(stderr, "%d check(s) failed\n", check_failures);           \
            return 1;                                                          \
        }                                                                      \
        printf("OK\n");                                                        \
        return 0;                                                              \
    } while (0)
#endif
