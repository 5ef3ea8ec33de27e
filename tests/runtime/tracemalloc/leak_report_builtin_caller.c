// The leak report names the program's call that made a built-in object (an
// rc_str from rc_str_format, an rc_list, an rc_dict), the first frame outside
// the runtime, when more than one frame is traced -- not the runtime's own
// line (str.c, list.c, dict.c). With one frame it says how to see the caller.
// -rdynamic: the executable's functions have names for dladdr.
// RUN: %cc -rdynamic %s %autorc_lib -o %t
// RUN: env AUTORC_TRACEMALLOC=4 AUTORC_LEAK_REPORT=1 %t 2>&1 | FileCheck %s
// RUN: env AUTORC_LEAK_REPORT=1 %t 2>&1 | FileCheck %s --check-prefix=ONE
#include <autorc.h>

rc_str *names[3];
rc_list *kept_list;
rc_dict *kept_dict;

__attribute__((noinline)) void make_names(void) {
    for (int i = 0; i < 3; i++) names[i] = rc_str_format("name-%d", i);
}

__attribute__((noinline)) void make_containers(void) {
    kept_list = rc_list_new();
    kept_dict = rc_dict_new();
}

int main(void) {
    make_names();
    make_containers();
    return 0;
}

// CHECK: autorc: leak report: 5 objects
// CHECK-NOT: str.c
// CHECK-NOT: list.c
// CHECK-NOT: dict.c
// CHECK-DAG: 3 x rc_str ({{[0-9]+}} B) allocated at {{.*}}leak_report_builtin_caller{{.*}} in make_names+0x{{[0-9a-f]+}} [0x{{[0-9a-f]+}}] through rc_str_new
// CHECK-DAG: 1 x rc_list ({{[0-9]+}} B) allocated at {{.*}} in make_containers+0x{{[0-9a-f]+}} [0x{{[0-9a-f]+}}] through rc_list_new
// CHECK-DAG: 1 x rc_dict ({{[0-9]+}} B) allocated at {{.*}} in make_containers+0x{{[0-9a-f]+}} [0x{{[0-9a-f]+}}] through rc_dict_new

// ONE: 3 x rc_str ({{[0-9]+}} B) allocated at {{.*}}str.c:{{[0-9]+}} in rc_str_new (a built-in's constructor: AUTORC_TRACEMALLOC=2 names its caller)
