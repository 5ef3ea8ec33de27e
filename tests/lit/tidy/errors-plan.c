// autorc-errors runs the plugin's analysis up to the functions' plans
// (plugin/Plan.h) and edits no text. The errors found while the plan is
// decided — setjmp next to managed locals, a case label past a strong
// local — are reported as a compile reports them: the plugin's own -verify
// tests, checked through clang-tidy. (Not diag-macro.c: the plugin expands
// user macro invocations and analyses again, clang-tidy cannot re-parse, so
// autorc-errors reports every [autorc-macro] without that step — a known
// difference, docs/diagnostics.md.)
// REQUIRES: tidy
// RUN: not %clang_tidy -checks='-*,autorc-errors' %S/../plugin/diag-setjmp.c -- -I%autorc_include 2>&1 | %python %S/Inputs/verify_tidy.py %S/../plugin/diag-setjmp.c --errors
// RUN: not %clang_tidy -checks='-*,autorc-errors' %S/../plugin/diag-switch.c -- -I%autorc_include 2>&1 | %python %S/Inputs/verify_tidy.py %S/../plugin/diag-switch.c --errors
