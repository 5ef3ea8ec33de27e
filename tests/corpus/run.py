#!/usr/bin/env python3
"""Precision and recall of the autorc warnings on the corpus.

    tests/corpus/run.py --clang CLANG --plugin autorc.so --include DIR
                        [--tidy CLANG-TIDY --tidy-module autorc-tidy.so]
                        [--markdown] [--check results.txt] [--write results.txt]

Every file in tests/corpus/cases/ is a small C program. A line that should
get a warning carries a marker comment `// WANT: <name>` (cycle, global,
escape); `// WANT: none` documents a line that should not (and every line
without a marker should not either). `// WANT: cycle@<group>` on several
lines (the links of one design cycle) asks for exactly one warning on any
of them: one is a true positive, each further one a false positive (one
warning per design cycle), none a false negative. The script compiles each case with
the plugin (analyze-only, -fsyntax-only) and counts, per warning name:
  TP  a [autorc-<name>] warning on a line marked WANT: <name>
  FP  a [autorc-<name>] warning on any other line
  FN  a WANT: <name> line without that warning
precision = TP / (TP + FP), recall = TP / (TP + FN).
The fix-its (-fdiagnostics-parseable-fixits) are counted the same way
against `WANT-FIX: RC_WEAK` markers (a line whose field the right fix-it
makes RC_WEAK, as the corpus' author judged it; fixit_run.py checks it
for the whole programs, which run):
  fix TP  a fix-it on a marked line; fix FP  on any other line;
  fix FN  a marked line without one.
With --tidy the clang-tidy module runs on every case too, and any case
where its warnings differ from the plugin's is an error (one
implementation, two front ends). --check compares the per-case outcomes
with a recorded file, so a change in behaviour shows up; --write records.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
KINDS = ["cycle", "global", "escape"]
WANT = re.compile(r"//.*\bWANT:\s*(\w+)(?:@(\w+))?")
WANT_FIX = re.compile(r"//.*\bWANT-FIX:\s*RC_WEAK")
FIXIT = re.compile(r'^fix-it:"(.*?)":\{(\d+):\d+-\d+:\d+\}:"RC_WEAK "$')
DIAG = re.compile(r"^(.*?):(\d+):\d+: (warning|error): .*\[autorc-(\w+)[,\]]")


def wanted(path):
    """{(kind, group): set of lines}; a marker without a group is its own."""
    out = {}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if WANT_FIX.search(line):
                out[("fix", "L%d" % n)] = {n}
            m = WANT.search(line.replace("WANT-FIX:", ""))
            if m and m.group(1) != "none":
                if m.group(1) not in KINDS:
                    sys.exit("%s:%d: unknown WANT kind %r" % (path, n, m.group(1)))
                out.setdefault((m.group(1), m.group(2) or "L%d" % n), set()).add(n)
    return out


def reported(cmd, path):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    got = set()
    for line in p.stdout.splitlines():
        m = DIAG.match(line)
        if m and os.path.basename(m.group(1)) == os.path.basename(path) and m.group(4) in KINDS:
            got.add((int(m.group(2)), m.group(4)))
        m = FIXIT.match(line)
        if m and os.path.basename(m.group(1)) == os.path.basename(path):
            got.add((int(m.group(2)), "fix"))
    return got, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clang", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--include", required=True)
    ap.add_argument("--tidy")
    ap.add_argument("--tidy-module")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--check")
    ap.add_argument("--write")
    a = ap.parse_args()

    names = sorted(f for f in os.listdir(CASES) if f.endswith(".c"))
    stats = {k: [0, 0, 0] for k in KINDS + ["fix"]}  # TP FP FN
    lines = []
    errors = []
    for name in names:
        path = os.path.join(CASES, name)
        want = wanted(path)
        got, text = reported([a.clang, "-fplugin=" + a.plugin, "-fplugin-arg-autorc-analyze-only",
                              "-fsyntax-only", "-fdiagnostics-parseable-fixits",
                              "-I" + a.include, path], path)
        if a.tidy:
            tgot, ttext = reported([a.tidy, "--load=" + a.tidy_module, "-checks=-*,autorc-*",
                                    path, "--", "-I" + a.include], path)
            tgot |= {g for g in got if g[1] == "fix"}  # clang-tidy prints no fix-it lines
            if tgot != got:
                errors.append("%s: clang-tidy %s != plugin %s" % (name, sorted(tgot), sorted(got)))
        parts = []
        grouped = set()
        for (k, g), ls in sorted(want.items(), key=lambda x: (min(x[1]), x[0][0])):
            hits = sorted(ln for ln in ls if (ln, k) in got)
            grouped |= {(ln, k) for ln in ls}
            if hits:
                stats[k][0] += 1
                parts.append((hits[0], k, "TP %s:%d" % (k, hits[0])))
                for ln in hits[1:]:
                    stats[k][1] += 1
                    parts.append((ln, k, "FP %s:%d (a second warning for one cycle)" % (k, ln)))
            else:
                stats[k][2] += 1
                parts.append((min(ls), k, "FN %s:%d" % (k, min(ls))))
        for (ln, k) in sorted(got - grouped):
            stats[k][1] += 1
            parts.append((ln, k, "FP %s:%d" % (k, ln)))
        parts = [p[2] for p in sorted(parts, key=lambda p: (p[0], p[1] == "fix"))]
        lines.append("%s: %s" % (name, ", ".join(parts) if parts else "TN (no warning)"))

    def ratio(x, y):
        return "%.2f" % (x / y) if y else "n/a"

    if a.markdown:
        print("| warning | true positives | false positives | false negatives | precision | recall |")
        print("|---|---|---|---|---|---|")
    for k in KINDS + ["fix"]:
        tp, fp, fn = stats[k]
        label = "cycle fix-it" if k == "fix" else "autorc-" + k
        if a.markdown:
            print("| %s | %d | %d | %d | %s | %s |" %
                  ("[autorc-cycle] fix-it (RC_WEAK)" if k == "fix" else "[autorc-%s]" % k,
                   tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn)))
        else:
            print("%-14s TP=%-3d FP=%-3d FN=%-3d precision=%s recall=%s" %
                  (label, tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn)))
    print("%d cases" % len(names))
    if a.markdown:
        print()
        for l in lines:
            print("- " + l)
    if a.write:
        with open(a.write, "w") as f:
            f.write("\n".join(lines) + "\n")
    status = 0
    if a.check:
        with open(a.check) as f:
            rec = f.read().splitlines()
        if rec != lines:
            for old, new in zip(rec, lines):
                if old != new:
                    print("changed: %s\n    now: %s" % (old, new))
            if len(rec) != len(lines):
                print("recorded %d cases, now %d" % (len(rec), len(lines)))
            status = 1
    for e in errors:
        print("error: " + e)
    return 1 if errors else status


if __name__ == "__main__":
    sys.exit(main())
