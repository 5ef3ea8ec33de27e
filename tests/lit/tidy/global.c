// The clang-tidy module on the plugin's own test input ../warnings/global.c:
// the same warnings and notes on the same lines (its -verify comments),
// and its [autorc-field] error from autorc-errors.
// REQUIRES: tidy
// RUN: not %clang_tidy -checks='-*,autorc-*' %S/../warnings/global.c -- -I%autorc_include 2>&1 | %python %S/Inputs/verify_tidy.py %S/../warnings/global.c --errors
