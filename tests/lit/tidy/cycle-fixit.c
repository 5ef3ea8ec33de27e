// The clang-tidy module on the plugin's own test input ../warnings/cycle-fixit.c:
// the same warnings and notes on the same lines (its -verify comments).
// REQUIRES: tidy
// RUN: %clang_tidy -checks='-*,autorc-*' %S/../warnings/cycle-fixit.c -- -I%autorc_include 2>&1 | %python %S/Inputs/verify_tidy.py %S/../warnings/cycle-fixit.c
// The fix-it applies with clang-tidy -fix:
// RUN: cp %S/../warnings/cycle-fixit.c %t.c
// RUN: %clang_tidy -checks='-*,autorc-cycle' -fix %t.c -- -I%autorc_include
// RUN: FileCheck %s --check-prefix=FIXED < %t.c
// FIXED: {{^}}    struct dnode *next;
// FIXED-NEXT: {{^}}    RC_WEAK struct dnode *prev;
// FIXED: {{^}}    struct pair *fwd, *back;
