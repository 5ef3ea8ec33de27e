// When the system refuses memory, rc_new stops with a clear message naming
// the type and size instead of returning NULL.
// REQUIRES: no-asan
// RUN: %cc %s %autorc_lib -o %t && not --crash %t 2>&1 | FileCheck %s
// CHECK: autorc: fatal: out of memory: rc_new(struct huge) needs {{[0-9]+}} bytes
#include <autorc.h>
#include <sys/resource.h>
struct huge { char data[1u << 30]; };
int main(void) {
    struct rlimit r = {256u << 20, 256u << 20};
    setrlimit(RLIMIT_AS, &r);
    struct huge *h = rc_new(struct huge);
    return h != 0;
}
