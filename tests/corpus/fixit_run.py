#!/usr/bin/env python3
"""Does a corpus case's [autorc-cycle] fix-it keep the program right?

    tests/corpus/fixit_run.py --clang CLANG --plugin autorc.so --include DIR
                              --lib "libautorc.a [flags]" --work DIR --case FILE

The case is a whole program that ends by printing `live N`
(rc_live_objects()) after its work is done, without calling rc_gc_collect.
The script builds and runs it as written, applies every fix-it the plugin
offers for it (-fdiagnostics-parseable-fixits: insertions of `RC_WEAK `),
builds and runs the fixed program, and prints:
  fix-its: N (file:line text, ...)
  original: live N            (the cycle the warning is about, uncollected)
  fixed: no [autorc-cycle] warning | fixed: still warned: ...
  fixed: output unchanged     | fixed: output differs (a diff follows)
  fixed: live N
A fix-it is correct when the output is unchanged and the fixed program
ends with live 0: counting alone frees everything. Exit status 1 otherwise.
"""
import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys

FIXIT = re.compile(r'^fix-it:"(.*?)":\{(\d+):(\d+)-(\d+):(\d+)\}:"(.*)"$')


def run(cmd, env=None):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, env=env)


def build_and_run(a, src, exe, leaks):
    b = run([a.clang, "-std=gnu11", "-g", "-fplugin=" + a.plugin, "-I" + a.include, src, "-o", exe]
            + shlex.split(a.lib))
    if b.returncode != 0:
        sys.exit("build of %s failed:\n%s" % (src, b.stdout))
    env = dict(os.environ)
    if not leaks:  # the unfixed program leaks its cycle by design
        env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
    r = subprocess.run([exe], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True, env=env)
    if r.returncode != 0:
        sys.exit("%s exited with %d:\n%s%s" % (exe, r.returncode, r.stdout, r.stderr))
    return r.stdout.splitlines()


def fixits(a, src):
    p = run([a.clang, "-fplugin=" + a.plugin, "-fplugin-arg-autorc-analyze-only", "-fsyntax-only",
             "-fdiagnostics-parseable-fixits", "-I" + a.include, src])
    out = []
    for line in p.stdout.splitlines():
        m = FIXIT.match(line)
        if m and m.group(2) == m.group(4) and m.group(3) == m.group(5):
            out.append((int(m.group(2)), int(m.group(3)), m.group(6)))
    warned = [l for l in p.stdout.splitlines() if "[autorc-cycle]" in l]
    return sorted(set(out)), warned


def apply(text, fixes):
    lines = text.split("\n")
    for ln, col, ins in sorted(fixes, reverse=True):
        s = lines[ln - 1]
        lines[ln - 1] = s[:col - 1] + ins + s[col - 1:]
    return "\n".join(lines)


def live(lines):
    return lines[-1] if lines and lines[-1].startswith("live ") else "no live line"


def main():
    ap = argparse.ArgumentParser()
    for o in ("--clang", "--plugin", "--include", "--lib", "--work", "--case"):
        ap.add_argument(o, required=True)
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    name = os.path.basename(a.case)
    fixes, _ = fixits(a, a.case)
    print("fix-its: %d (%s)" % (len(fixes), ", ".join("%s:%d %s" % (name, l, t.strip())
                                                      for l, _, t in fixes)))
    before = build_and_run(a, a.case, os.path.join(a.work, "original"), leaks=False)
    print("original: " + live(before))
    fixed_src = os.path.join(a.work, name)
    with open(a.case) as f:
        text = f.read()
    with open(fixed_src, "w") as f:
        f.write(apply(text, fixes))
    _, warned = fixits(a, fixed_src)
    print("fixed: no [autorc-cycle] warning" if not warned else "fixed: still warned: " + warned[0])
    after = build_and_run(a, fixed_src, os.path.join(a.work, "fixed"), leaks=True)
    ok = bool(fixes) and not warned
    if before[:-1] == after[:-1]:
        print("fixed: output unchanged")
    else:
        ok = False
        print("fixed: output differs")
        sys.stdout.writelines(l + "\n" for l in difflib.unified_diff(before, after, lineterm=""))
    print("fixed: " + live(after))
    ok = ok and live(after) == "live 0"
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
