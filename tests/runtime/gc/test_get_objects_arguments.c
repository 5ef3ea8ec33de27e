// test_gc.test_get_objects_arguments: a generation outside -1..2 is a clear
// error (Python raises ValueError), for get_objects and collect alike.
// RUN: %cc %s %autorc_lib -o %t
// RUN: not --crash %t objects 2>&1 | FileCheck %s --check-prefix=OBJ
// RUN: not --crash %t collect 2>&1 | FileCheck %s --check-prefix=COL
// RUN: not --crash %t threshold 2>&1 | FileCheck %s --check-prefix=TH
// OBJ: autorc: fatal: rc_gc_get_objects(3): invalid generation (expected -1, 0, 1 or 2)
// COL: autorc: fatal: rc_gc_collect(-2): invalid generation (expected -1, 0, 1 or 2)
// TH: autorc: fatal: rc_gc_set_threshold(-1, 10, 10): thresholds must not be negative
#include <autorc.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "objects") == 0) rc_gc_get_objects(3);
    if (argc > 1 && strcmp(argv[1], "collect") == 0) rc_gc_collect(-2);
    if (argc > 1 && strcmp(argv[1], "threshold") == 0) rc_gc_set_threshold(-1, 10, 10);
    return 0;
}
