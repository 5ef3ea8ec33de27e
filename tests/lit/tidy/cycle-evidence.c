// The clang-tidy module on the plugin's tests of the back-link rules: the
// same warnings and notes, with the same text, on the same lines (their
// -verify comments).
// REQUIRES: tidy
// RUN: %clang_tidy -checks='-*,autorc-*' %S/../warnings/cycle-one-per-scc.c -- -I%autorc_include 2>&1 | %python %S/Inputs/verify_tidy.py %S/../warnings/cycle-one-per-scc.c
// RUN: %clang_tidy -checks='-*,autorc-*' %S/../warnings/cycle-backlink-creation.c -- -I%autorc_include 2>&1 | %python %S/Inputs/verify_tidy.py %S/../warnings/cycle-backlink-creation.c
// RUN: %clang_tidy -checks='-*,autorc-*' %S/../warnings/cycle-owning-store.c -- -I%autorc_include 2>&1 | %python %S/Inputs/verify_tidy.py %S/../warnings/cycle-owning-store.c
// RUN: %clang_tidy -checks='-*,autorc-*' %S/../warnings/cycle-no-fixit.c -- -I%autorc_include 2>&1 | %python %S/Inputs/verify_tidy.py %S/../warnings/cycle-no-fixit.c
// RUN: %clang_tidy -checks='-*,autorc-*' %S/../warnings/cycle-instance-backlink.c -- -I%autorc_include 2>&1 | %python %S/Inputs/verify_tidy.py %S/../warnings/cycle-instance-backlink.c
