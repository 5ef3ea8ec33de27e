"""Check clang-tidy's output against a file's -verify directives.

    verify_tidy.py <input.c> [--prefix P[,Q...]] [--errors] < clang-tidy output

The plugin's lit tests state their expectations as clang -verify comments
(`// expected-warning {{text}}`, `expected-note@+1 {{...}}`, ...). This
script reads the same comments and checks that the autorc clang-tidy
module reports exactly those warnings and notes, on the same lines: the
same inputs, the same expectations, a second front end. `expected-error`
directives are the plugin's own errors ([autorc-cast], ...): skipped, unless
--errors (the autorc-errors check is on). Exit status 1 with a list of
differences."""
import re
import sys

path = sys.argv[1]
prefix = "expected"
errors = "--errors" in sys.argv
if "--prefix" in sys.argv:
    prefix = sys.argv[sys.argv.index("--prefix") + 1]

directive = re.compile("(?:%s)" % "|".join(re.escape(p) for p in prefix.split(",")) +
                       r"-(warning|note|error)(@([+-]?\d+))?\s*(\d+)?\s*\{\{(.*?)\}\}")
expected = []  # (line, kind, text)
with open(path) as f:
    for n, line in enumerate(f, 1):
        for m in directive.finditer(line):
            kind, _, at, count, text = m.groups()
            target = n
            if at:
                target = n + int(at) if at[0] in "+-" else int(at)
            for _ in range(int(count or 1)):
                expected.append((target, kind, text))

name = path.rsplit("/", 1)[-1]
seen = []
out = re.compile(r"^(.*?):(\d+):(\d+): (warning|note|error): (.*)$")
for line in sys.stdin:
    m = out.match(line.rstrip("\n"))
    if not m or not m.group(1).endswith(name):
        continue
    seen.append((int(m.group(2)), m.group(4), m.group(5)))

problems = []
unmatched = list(seen)
for (ln, kind, text) in expected:
    if kind == "error" and not errors:
        continue
    hit = next((s for s in unmatched if s[0] == ln and s[1] == kind and text in s[2]), None)
    if hit is None:
        problems.append("expected but not seen: %s:%d: %s {{%s}}" % (name, ln, kind, text))
    else:
        unmatched.remove(hit)
for (ln, kind, text) in unmatched:
    problems.append("seen but not expected: %s:%d: %s: %s" % (name, ln, kind, text))
if problems:
    print("\n".join(problems))
    sys.exit(1)
print("verify_tidy: %d diagnostics as expected in %s" %
      (len([e for e in expected if errors or e[1] != "error"]), name))
