// The clang-tidy module on the plugin's own test input ../warnings/suppress.c:
// the same warnings and notes on the same lines (its -verify comments).
// REQUIRES: tidy
// RUN: %clang_tidy -checks='-*,autorc-*' %S/../warnings/suppress.c -- -I%autorc_include 2>&1 | %python %S/Inputs/verify_tidy.py %S/../warnings/suppress.c
