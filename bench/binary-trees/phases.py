#!/usr/bin/env python3
"""bench/binary-trees/phases.py — where binary-trees spends its time, per phase.

The whole-program ratio hides that the phases behave differently: the trees
of depth 4-14 live in the caches and measure the instruction paths, the
trees of depth 16-18, the stretch tree and the long-lived tree measure
memory (bytes per node, TLB reach, page faults). This script copies
bt_autorc.c, bt_autorc_plain.c and bt_malloc.c, inserts a CPU-time reading
(clock_gettime(CLOCK_PROCESS_CPUTIME_ID): user + sys) around each phase,
builds them as run.sh does (autorc through bin/autorc-cc -O2; the hand version
on mimalloc with gcc -O2 and clang -O2), checks that they all print the same
output, runs them interleaved and prints the median seconds of each phase and,
phase by phase, the ratio of each autorc variant to the mimalloc build that
is faster in total (issue 14's reference).

Phases: "stretch" (make, check and release of the depth max+1 tree), "long
make" (the long-lived tree's construction), "d=N" (all iterations of depth
N: make, check, release), "final" (the long-lived tree's check; its release
at exit is not timed).

  bench/binary-trees/phases.py [--depth 19] [--runs 5] [--build build]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

CLOCK = '''#include <time.h>
static double bt_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + t.tv_nsec * 1e-9;
}
#define PHASE(name, t) (fprintf(stderr, "phase %s %.6f\\n", (name), bt_now() - (t)), bt_now())
'''


def instrument(src):
    """The program with phase timings on stderr; fails if an anchor moved."""
    lines = src.split('\n')
    out, seen = [], set()
    # after <stdlib.h>: every variant includes it unconditionally (the
    # allocator's header is inside #if)
    last_include = lines.index('#include <stdlib.h>')

    def after(i, l):
        if i == last_include:
            out.append(CLOCK)
            seen.add('include')
        if re.match(r'\s*int n = argc > 1', l):
            out.append('    double bt_t = bt_now();')
            seen.add('start')
        if re.match(r'\s*(stretch = NULL;|drop\(stretch\);)$', l):
            out.append('    bt_t = PHASE("stretch", bt_t);')
            seen.add('stretch')
        if re.match(r'\s*(struct node|node) \*longlived = make\(max\);', l):
            out.append('    bt_t = PHASE("long make", bt_t);')
            seen.add('long')
        if re.match(r'\s*printf\("long lived tree', l):
            out.append('    bt_t = PHASE("final", bt_t);')
            seen.add('final')
        if re.match(r'\s*for \(int d = min; d <= max; d \+= 2\) \{$', l):
            out.append('        char bt_phase[16]; snprintf(bt_phase, sizeof bt_phase, "d=%d", d);')
            seen.add('loop')

    for i, l in enumerate(lines):
        if re.match(r'\s*printf\("%ld\\t trees of depth', l):
            out.append('        bt_t = PHASE(bt_phase, bt_t);')
            seen.add('depth')
        out.append(l)
        after(i, l)
    missing = {'include', 'start', 'stretch', 'long', 'loop', 'depth', 'final'} - seen
    if missing:
        sys.exit('phases.py: the program changed shape (no anchor for %s)' % ', '.join(sorted(missing)))
    return '\n'.join(out)


def sh(cmd):
    r = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    if r.returncode:
        sys.exit('phases.py: %s failed:\n%s' % (cmd, r.stderr))
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--depth', type=int, default=19)
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--build', default=os.path.join(ROOT, 'build'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'bench', 'out', 'binary-trees-phases'))
    args = ap.parse_args()
    cc = os.path.join(os.path.abspath(args.build), 'bin', 'autorc-cc')
    if not os.access(cc, os.X_OK):
        sys.exit('phases.py: %s not found: build the project first (or --build)' % cc)
    clang = re.search(r'^clang=\$\{AUTORC_CLANG:-(.*)\}$', open(cc).read(), re.M).group(1)
    os.makedirs(args.out, exist_ok=True)
    variants = []  # (name, binary)
    for name, src, build in (
            ('autorc RC_ACYCLIC', 'bt_autorc.c', cc + ' -O2'),
            ('autorc unannotated', 'bt_autorc_plain.c', cc + ' -O2'),
            ('mimalloc clang', 'bt_malloc.c', clang + ' -O2 -DUSE_MIMALLOC'),
            ('mimalloc gcc', 'bt_malloc.c', 'gcc -O2 -DUSE_MIMALLOC')):
        c = os.path.join(args.out, name.replace(' ', '_') + '.c')
        with open(c, 'w') as f:
            f.write(instrument(open(os.path.join(HERE, src)).read()))
        exe = c[:-2]
        lib = ' -lmimalloc' if 'mimalloc' in name else ''
        r = subprocess.run('%s %s -o %s%s' % (build, c, exe, lib), shell=True, capture_output=True, text=True)
        if r.returncode:
            print('(%s not built: %s)' % (name, r.stderr.strip().splitlines()[-1] if r.stderr.strip() else '?'))
            continue
        variants.append((name, exe))
    expected = None
    for name, exe in variants:
        got = sh('%s %d' % (exe, args.depth)).stdout
        expected = expected or got
        if got != expected:
            sys.exit('phases.py: %s prints another output' % name)
    times = {name: {} for name, _ in variants}
    order = []
    for _ in range(args.runs):
        for name, exe in variants:
            for line in sh('%s %d' % (exe, args.depth)).stderr.splitlines():
                m = re.match(r'phase (.*) ([0-9.]+)$', line)
                if not m:
                    continue
                if m.group(1) not in order:
                    order.append(m.group(1))
                times[name].setdefault(m.group(1), []).append(float(m.group(2)))
    med = {n: {p: statistics.median(v) for p, v in t.items()} for n, t in times.items()}
    for n in med:
        med[n]['total'] = sum(med[n].values())
    order.append('total')
    refs = [n for n in ('mimalloc gcc', 'mimalloc clang') if n in med]
    ref = min(refs, key=lambda n: med[n]['total']) if refs else None
    print('binary-trees depth %d, CPU seconds per phase (median of %d interleaved runs); ratios against %s, '
          'the faster hand-written build in total' % (args.depth, args.runs, ref))
    names = [n for n, _ in variants]
    print('%-10s' % 'phase' + ''.join('%20s' % n for n in names) +
          ''.join('%24s' % ('%s / mimalloc' % n.split()[1]) for n in names if n.startswith('autorc')))
    for p in order:
        row = '%-10s' % p + ''.join('%20.4f' % med[n].get(p, float('nan')) for n in names)
        for n in names:
            if n.startswith('autorc') and ref:
                row += '%24s' % ('%.2fx' % (med[n][p] / med[ref][p]) if med[ref][p] else '-')
        print(row)


if __name__ == '__main__':
    main()
