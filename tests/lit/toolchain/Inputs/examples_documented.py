"""examples_documented.py SRC BUILD OUT CLANG: run the build command of every
row of examples/README.md's table, as a user would from the repository, with
build/ meaning BUILD, outputs written under OUT and `clang` meaning CLANG.
Prints `missing X` for a .c file under examples/ the table does not list,
`built X` or `FAILED X: ...` per row; for a runtime-only row (built without
autorc-cc) also `analyze-only X` (autorc-cc -fplugin-arg-autorc-analyze-only
builds it, as the README says) and `refused X [autorc-manual]` (autorc-cc
alone refuses it). A render.sh row needs Graphviz: `skipped X (no dot)`."""
import os
import re
import shlex
import shutil
import subprocess
import sys

src, build, out, clang = sys.argv[1:5]
driver = os.path.join(build, 'bin', 'autorc-cc')
readme = open(os.path.join(src, 'examples', 'README.md')).read()

rows = []  # (example path, command)
for line in readme.splitlines():
    m = re.match(r'\| \[([^\]]+)\]\([^)]*\) \|[^|]*\| `([^`]+)`', line)
    if m:
        rows.append(('examples/' + m.group(1), m.group(2)))

listed = {path for path, _ in rows}
for d, _, files in os.walk(os.path.join(src, 'examples')):
    for f in sorted(files):
        rel = os.path.relpath(os.path.join(d, f), src)
        if f.endswith('.c') and rel not in listed:
            print('missing', rel)


def run(words):
    r = subprocess.run(words, cwd=src, capture_output=True, text=True)
    return r.returncode == 0, r.stdout + r.stderr


for path, cmd in rows:
    words = shlex.split(cmd)
    # build/... -> BUILD/..., -o NAME -> -o OUT/NAME, render.sh's out-dir -> OUT/out
    words = [os.path.join(build, w[len('build/'):]) if w.startswith('build/') else
             build if w == 'build' else w for w in words]
    if words[0] == 'clang':
        words[0] = clang
    if words[0].endswith('render.sh'):
        words[2] = os.path.join(out, words[2])
    elif '-o' in words:
        i = words.index('-o')
        words[i + 1] = os.path.join(out, words[i + 1])
    if words[0].endswith('render.sh') and not shutil.which('dot'):
        print('skipped', path, '(no dot)')
    else:
        ok, log = run(words)
        print('built' if ok else 'FAILED', path + ('' if ok else ': ' + ' '.join(words) + '\n' + log))
    if 'autorc-cc' in cmd:
        continue
    exe = os.path.join(out, os.path.basename(path)[:-2] + '-analyze-only')
    ok, log = run([driver, '-fplugin-arg-autorc-analyze-only', path, '-o', exe])
    print('analyze-only' if ok else 'FAILED analyze-only', path + ('' if ok else ': ' + log))
    ok, log = run([driver, '-fsyntax-only', path])
    print('refused' if not ok and '[autorc-manual]' in log else 'NOT REFUSED', path,
          '[autorc-manual]' if '[autorc-manual]' in log else log)
