#!/usr/bin/env python3
"""bench/suite.py — autorc against the tools people would pick instead.

One command builds every variant, runs them interleaved (so machine noise hits
all alike), and prints a table of medians, peak memory and ratios:

  binary-trees  autorc with the node as users write it (no RC_ACYCLIC: a type
                the collector tracks) and with RC_ACYCLIC; hand malloc/free on
                glibc and on mimalloc (clang -O2 and gcc -O2); Boehm GC;
                Nim ARC and ORC; C++ shared_ptr; Rust Rc (when rustc is
                present); CPython. Outputs are checked against the glibc one.
  cycles        rings of 100 nodes made and dropped over a long-lived tree:
                autorc (collector), hand-written free, Nim ORC, CPython; the
                two-type program and the one-type program (one node type with
                next, prev, left, right), each against Nim ORC.
  pause         the pauses of automatic collections while 100 MiB of a
                cyclic-capable type is alive (bench/pause/pause.c).
  perceus       rbtree (1M inserts), deriv, nqueens, cfold in managed C, with
                the dynamic RC operations of a stats build (AUTORC_STATS).
  alloc         small-object churn (bench/alloc/churn.c) through autorc's pools
                against glibc, mimalloc and jemalloc.
  compile       a large plain C file and a large annotated one, compiled with
                and without the plugin.
  generators    a 10-million-step generator loop: RC_GENERATOR against
                CPython's generator and a plain C loop (issue 17's target:
                at least 20x faster than CPython).

A missing peer is reported and skipped, never fatal.

  bench/suite.py [--runs N] [--depth D] [--only NAME,...] [--quick]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, 'bench', 'out', 'suite')


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), check=True, **kw)


def build_tree(build, stats=False):
    """Configure and build the runtime, plugin and driver (Release)."""
    if not os.path.exists(os.path.join(build, 'CMakeCache.txt')):
        sh(['cmake', '-S', ROOT, '-B', build, '-DCMAKE_BUILD_TYPE=Release',
            '-DAUTORC_STATS=' + ('ON' if stats else 'OFF')], stdout=subprocess.DEVNULL)
    sh(['cmake', '--build', build, '-j2'], stdout=subprocess.DEVNULL)


class Variant:
    def __init__(self, name, build, run, reference=False):
        self.name, self.build_cmd, self.run_cmd, self.reference = name, build, run, reference
        self.times, self.rss, self.error, self.output = [], [], None, None

    def build(self):
        if self.build_cmd is None:
            return
        try:
            subprocess.run(self.build_cmd, shell=True, check=True, capture_output=True, text=True)
        except subprocess.CalledProcessError as e:
            self.error = 'not built: ' + (e.stderr.strip().splitlines() or ['?'])[-1][:100]


def run_measured(cmd, env=None):
    """Run cmd, return (seconds, peak RSS KiB, stdout, returncode, stderr)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return dt, ru.ru_maxrss, out.decode(errors='replace'), p.returncode, err.decode(errors='replace')


def measure(variants, runs, env=None, check_output=True):
    ok = [v for v in variants if not v.error]
    for _ in range(runs):
        for v in ok:
            if v.error:
                continue
            dt, rss, out, rc, err = run_measured(v.run_cmd, env)
            if rc != 0:
                v.error = 'exit %d: %s' % (rc, err.strip()[:120])
                continue
            v.times.append(dt)
            v.rss.append(rss)
            v.output = out
    ref = next((v for v in variants if v.reference and not v.error), None)
    if check_output and ref:
        for v in variants:
            if not v.error and v.output is not None and v.output != ref.output:
                v.error = 'output differs from %s' % ref.name


def table(title, variants, ref_name, note=''):
    print('\n== %s%s' % (title, ('  (' + note + ')') if note else ''))
    ref = next((v for v in variants if v.name == ref_name and not v.error and v.times), None)
    print('   %-26s %10s %12s %14s' % ('variant', 'median s', 'peak MiB', 'vs ' + ref_name))
    for v in variants:
        if v.error or not v.times:
            print('   %-26s %s' % (v.name, v.error or 'not run'))
            continue
        t = statistics.median(v.times)
        m = statistics.median(v.rss) / 1024
        ratio = '%.2fx' % (t / statistics.median(ref.times)) if ref else '-'
        print('   %-26s %10.3f %12.1f %14s' % (v.name, t, m, ratio))


def spread(times, ref_times):
    """The range of per-run ratios (run i against run i of the reference:
    the runs are interleaved, so pairs shared the machine's load)."""
    r = sorted(a / b for a, b in zip(times, ref_times))
    return '%.2f-%.2f' % (r[0], r[-1]) if r else '-'


def cpu_model():
    try:
        for line in open('/proc/cpuinfo'):
            if line.startswith('model name'):
                return line.split(':', 1)[1].strip()
    except OSError:
        pass
    return 'unknown CPU'


def have(tool):
    return shutil.which(tool) is not None


def prepare(variants):
    """Build each variant whose tool is installed; mark the others missing."""
    for v in variants:
        tool = v.build_cmd.split()[0] if v.build_cmd else v.run_cmd.split()[0]
        if not have(tool):
            v.error = 'peer missing (%s not installed)' % tool
        else:
            v.build()


def bench_binary_trees(args, cc, clang):
    d = min(args.depth, 16) if args.quick else args.depth
    P = os.path.join(HERE, 'peers', 'binary-trees')
    B = os.path.join(HERE, 'binary-trees')
    o = lambda n: os.path.join(OUT, 'bt-' + n)
    vs = [
        Variant('malloc/free glibc', f'{clang} -O2 {B}/bt_malloc.c -o {o("malloc")}', f'{o("malloc")} {d}', reference=True),
        Variant('malloc/free mimalloc', f'{clang} -O2 -DUSE_MIMALLOC {B}/bt_malloc.c -lmimalloc -o {o("mimalloc")}', f'{o("mimalloc")} {d}'),
        Variant('mimalloc gcc -O2', f'gcc -O2 -DUSE_MIMALLOC {B}/bt_malloc.c -lmimalloc -o {o("mimalloc-gcc")}', f'{o("mimalloc-gcc")} {d}'),
        Variant('autorc unannotated', f'{cc} -O2 {B}/bt_autorc_plain.c -o {o("autorc-plain")}', f'{o("autorc-plain")} {d}'),
        Variant('autorc RC_ACYCLIC', f'{cc} -O2 {B}/bt_autorc.c -o {o("autorc")}', f'{o("autorc")} {d}'),
        Variant('Boehm GC', f'{clang} -O2 -DUSE_BOEHM {B}/bt_malloc.c -lgc -o {o("boehm")}', f'{o("boehm")} {d}'),
        Variant('Nim ARC', f'nim c -d:release --mm:arc --hints:off --nimcache:{OUT}/nimcache-arc -o:{o("nim-arc")} {P}/bt.nim', f'{o("nim-arc")} {d}'),
        Variant('Nim ORC', f'nim c -d:release --mm:orc --hints:off --nimcache:{OUT}/nimcache-orc -o:{o("nim-orc")} {P}/bt.nim', f'{o("nim-orc")} {d}'),
        Variant('C++ shared_ptr', f'g++ -O2 {P}/bt_shared_ptr.cpp -o {o("shared_ptr")}', f'{o("shared_ptr")} {d}'),
        Variant('Rust Rc', f'rustc -O {P}/bt_rc.rs -o {o("rust-rc")}', f'{o("rust-rc")} {d}'),
    ]
    if not args.quick:
        vs.append(Variant('CPython', None, f'python3 {P}/bt.py {d}'))
    prepare(vs)
    measure(vs, args.runs)
    table('binary-trees, depth %d' % d, vs, 'malloc/free mimalloc', 'median of %d runs' % args.runs)
    # Issue 14's targets: against the faster of the two mimalloc builds.
    hands = [v for v in vs if v.name in ('malloc/free mimalloc', 'mimalloc gcc -O2') and not v.error and v.times]
    if hands:
        ref = min(hands, key=lambda v: statistics.median(v.times))
        rt, rm = statistics.median(ref.times), statistics.median(ref.rss)
        print('   vs the faster hand-written mimalloc build (%s):' % ref.name)
        for name, target in (('autorc unannotated', '<= 1.0x time, <= 1.5x peak'),
                             ('autorc RC_ACYCLIC', '<= 0.9x time')):
            v = next((v for v in vs if v.name == name and not v.error and v.times), None)
            if v:
                print('   %-26s time %.2fx (runs %s), peak %.2fx   target %s' % (
                    name, statistics.median(v.times) / rt, spread(v.times, ref.times),
                    statistics.median(v.rss) / rm, target))


def bench_cycles(args, cc, clang):
    C = os.path.join(HERE, 'cycles')
    o = lambda n: os.path.join(OUT, 'cy-' + n)
    depth, rings = (16, 20000) if args.quick else (20, 100000)
    a = f'{depth} {rings} 100'
    runtime = f'-I{ROOT}/runtime/include {args.build}/runtime/libautorc.a'
    vs = [Variant('hand-written free', f'{clang} -O2 {C}/cycles_free.c -o {o("free")}', f'{o("free")} {a}')]
    if os.path.exists(f'{C}/cycles_autorc.c'):
        vs.append(Variant('autorc (plugin)', f'{cc} -O2 {C}/cycles_autorc.c -o {o("autorc")}', f'{o("autorc")} {a}'))
    vs += [
        Variant('autorc (by hand)', f'{clang} -O2 {C}/cycles_rc.c {runtime} -o {o("rc")}', f'{o("rc")} {a}'),
        Variant('Nim ORC', f'nim c -d:release --mm:orc --hints:off --nimcache:{OUT}/nimcache-cy -o:{o("nim-orc")} {C}/cycles.nim', f'{o("nim-orc")} {a}'),
    ]
    vs += [
        Variant('autorc one type', f'{cc} -O2 {C}/cycles_onetype.c -o {o("onetype")}', f'{o("onetype")} {a}'),
        Variant('Nim ORC one type', f'nim c -d:release --mm:orc --hints:off --nimcache:{OUT}/nimcache-cy1 -o:{o("nim-orc-1")} {C}/cycles_onetype.nim', f'{o("nim-orc-1")} {a}'),
    ]
    if not args.quick:
        vs.append(Variant('CPython', None, f'python3 {C}/cycles.py {a}'))
    prepare(vs)
    measure(vs, args.runs, check_output=False)
    table('cycles: %d rings of 100 over a depth-%d tree' % (rings, depth), vs, 'Nim ORC',
          'median of %d runs, whole process' % args.runs)
    # Issue 14's target: each program at most 0.5x Nim ORC on the same program.
    for mine, peer in (('autorc (plugin)', 'Nim ORC'), ('autorc one type', 'Nim ORC one type')):
        x = next((v for v in vs if v.name == mine and not v.error and v.times), None)
        y = next((v for v in vs if v.name == peer and not v.error and v.times), None)
        if x and y:
            print('   %-26s %.2fx %s (runs %s)   target <= 0.5x' % (
                mine, statistics.median(x.times) / statistics.median(y.times), peer,
                spread(x.times, y.times)))


def opcounts(cmd):
    env = dict(os.environ, AUTORC_OPCOUNTS='1')
    _, _, _, rc, err = run_measured(cmd, env)
    m = re.search(r'increfs=(\d+) decrefs=(\d+) allocated=(\d+)', err)
    return (int(m.group(1)) + int(m.group(2)), int(m.group(3))) if m else None


def bench_perceus(args, cc, clang):
    P = os.path.join(HERE, 'perceus')
    stats_build = args.build + '-stats'
    build_tree(stats_build, stats=True)
    scc = os.path.join(stats_build, 'bin', 'autorc-cc')
    sizes = {'rbtree': 1000000, 'deriv': 9, 'nqueens': 12, 'cfold': 20}
    if args.quick:
        sizes = {'rbtree': 100000, 'deriv': 7, 'nqueens': 10, 'cfold': 16}
    vs, ops = [], {}
    for name, n in sizes.items():
        exe = os.path.join(OUT, 'pc-' + name)
        v = Variant(f'{name} ({n})', f'{cc} -O2 {P}/{name}.c -pthread -o {exe}', f'{exe} {n}')
        v.build()
        vs.append(v)
        sexe = exe + '-stats'
        try:
            sh(f'{scc} -O2 -DAUTORC_STATS {P}/{name}.c -pthread -o {sexe}', capture_output=True)
            ops[v.name] = opcounts(f'{sexe} {n}')
        except subprocess.CalledProcessError:
            ops[v.name] = None
    measure(vs, args.runs, check_output=False)
    print('\n== perceus suite (autorc; median of %d runs)' % args.runs)
    print('   %-26s %10s %12s %16s %14s' % ('program', 'median s', 'peak MiB', 'RC ops', 'allocations'))
    for v in vs:
        if v.error or not v.times:
            print('   %-26s %s' % (v.name, v.error))
            continue
        o = ops.get(v.name)
        print('   %-26s %10.3f %12.1f %16s %14s' % (v.name, statistics.median(v.times),
              statistics.median(v.rss) / 1024, o[0] if o else '-', o[1] if o else '-'))


def bench_compile(args, cc, clang):
    gen = os.path.join(OUT, 'gen')
    os.makedirs(gen, exist_ok=True)
    nfun = 300 if args.quick else 2000
    plain = os.path.join(gen, 'plain.c')
    managed = os.path.join(gen, 'managed.c')
    with open(plain, 'w') as f:
        f.write('#include <stdlib.h>\n#include <string.h>\n')
        f.write('struct entry { struct entry *next; char *key; long value; };\n')
        for i in range(nfun):
            f.write(f'''long work{i}(struct entry **tab, const char *k, long v) {{
    size_t h = {i}u;
    for (const char *p = k; *p; p++) h = h * 31 + (unsigned char)*p;
    struct entry *e = malloc(sizeof *e);
    e->key = strdup(k); e->value = v + {i};
    e->next = tab[h % 64]; tab[h % 64] = e;
    long s = 0;
    for (struct entry *x = tab[h % 64]; x; x = x->next) s += x->value;
    return s;
}}
''')
    with open(managed, 'w') as f:
        f.write('#include <autorc.h>\n#include <string.h>\n')
        f.write('struct RC_MANAGED entry { struct entry *next; long value; };\n')
        f.write('struct RC_MANAGED table { struct entry *slots[64]; };\n')
        for i in range(nfun):
            f.write(f'''long work{i}(struct table *tab, const char *k, long v) {{
    size_t h = {i}u;
    for (const char *p = k; *p; p++) h = h * 31 + (unsigned char)*p;
    struct entry *e = rc_new(struct entry);
    e->value = v + {i};
    e->next = tab->slots[h % 64]; tab->slots[h % 64] = e;
    long s = 0;
    for (struct entry *x = tab->slots[h % 64]; x; x = x->next) s += x->value;
    return s;
}}
''')
    inc = f'-I{ROOT}/runtime/include'
    plugin = os.path.join(args.build, 'plugin', 'autorc.so')
    vs = [
        Variant('plain file, clang', None, f'{clang} -O2 -c {plain} -o /dev/null'),
        Variant('plain file, clang+plugin', None, f'{clang} -fplugin={plugin} -O2 -c {plain} -o /dev/null'),
        Variant('annotated file, clang', None, f'{clang} {inc} -O2 -c {managed} -o /dev/null'),
        Variant('annotated file, clang+plugin', None, f'{clang} -fplugin={plugin} {inc} -O2 -c {managed} -o /dev/null'),
    ]
    # Interleaved runs; wall time and the compiler's CPU time (user+sys,
    # from wait4), which other load on the machine disturbs less.
    runs = max(args.runs, 5)
    cpu = {v.name: [] for v in vs}
    for _ in range(runs):
        for v in vs:
            if v.error:
                continue
            t0 = time.perf_counter()
            p = subprocess.Popen(v.run_cmd, shell=True, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)
            err = p.stderr.read()
            _, status, ru = os.wait4(p.pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                v.error = 'failed: ' + err.decode(errors='replace').strip()[:120]
                continue
            v.times.append(time.perf_counter() - t0)
            cpu[v.name].append(ru.ru_utime + ru.ru_stime)
    print('\n== compile time (%d functions per file, -O2 -c; median of %d interleaved runs)'
          % (nfun, runs))
    print('   %-16s %10s %12s %7s %10s %12s %7s' % ('file', 'clang s', 'with plugin', 'ratio',
                                                  'clang cpu', 'plugin cpu', 'ratio'))
    for a, b in ((0, 1), (2, 3)):
        x, y = vs[a], vs[b]
        if x.error or y.error:
            print('   %s / %s: %s' % (x.name, y.name, x.error or y.error))
            continue
        tx, ty = statistics.median(x.times), statistics.median(y.times)
        cx, cy = statistics.median(cpu[x.name]), statistics.median(cpu[y.name])
        print('   %-16s %10.3f %12.3f %6.2fx %10.3f %12.3f %6.2fx'
              % (x.name.split(',')[0], tx, ty, ty / tx, cx, cy, cy / cx))


def bench_alloc(args, cc, clang):
    steps = 5000000 if args.quick else 20000000
    sh(['bash', os.path.join(HERE, 'alloc', 'run.sh'), str(steps), str(args.runs)],
       env=dict(os.environ, AUTORC_LIB=os.path.join(args.build, 'runtime', 'libautorc.a')))


def bench_pause(args, cc, clang):
    exe = os.path.join(OUT, 'pause')
    live, rounds = (20, 20000) if args.quick else (100, 200000)
    try:
        sh(f'{cc} -O2 {HERE}/pause/pause.c -o {exe}', capture_output=True)
    except subprocess.CalledProcessError as e:
        print('\n== pause: not built: %s' % e.stderr.decode(errors='replace').strip()[:200])
        return
    print('\n== pause: automatic collections with %d MiB live of a cyclic-capable type '
          '(%d rings of 100 made and dropped; one run)' % (live, rounds))
    _, rss, out, rc, err = run_measured(f'{exe} {live} {rounds}')
    if rc != 0:
        print('   failed: %s' % err.strip()[:200])
        return
    for line in out.splitlines():
        print('   ' + line)
    print('   peak RSS %.1f MiB' % (rss / 1024))


def bench_generators(args, cc, clang):
    G = os.path.join(HERE, 'generators')
    o = lambda n: os.path.join(OUT, 'gen-' + n)
    steps = 1000000 if args.quick else 10000000
    vs = [
        Variant('autorc RC_GENERATOR', f'{cc} -O2 {G}/gen_autorc.c -o {o("autorc")}', f'{o("autorc")} {steps}', reference=True),
        Variant('plain C loop', f'{clang} -O2 {G}/gen_loop.c -o {o("loop")}', f'{o("loop")} {steps}'),
    ]
    if not args.quick:
        vs.append(Variant('CPython generator', None, f'python3 {G}/gen.py {steps}'))
    prepare(vs)
    # The loop's own CPU time, as each program reports it on stderr: the
    # cost of advancing, without process startup (which, at 10 ms or more
    # on a loaded machine, is as long as autorc's whole loop).
    loop = {v.name: [] for v in vs}
    for _ in range(args.runs):
        for v in vs:
            if v.error:
                continue
            dt, rss, out, rc, err = run_measured(v.run_cmd)
            m = re.search(r'^loop-seconds ([0-9.]+)$', err, re.M)
            if rc != 0 or not m:
                v.error = 'exit %d: %s' % (rc, err.strip()[:120])
                continue
            v.times.append(dt)
            v.rss.append(rss)
            v.output = out
            loop[v.name].append(float(m.group(1)))
    ref = vs[0]
    for v in vs[1:]:
        if not v.error and not ref.error and v.output != ref.output:
            v.error = 'output differs from %s' % ref.name
    table('generators: %d steps, values summed' % steps, vs, 'autorc RC_GENERATOR',
          'median of %d runs, whole process' % args.runs)
    print('   the loop alone (CPU time the program measures around it, median of %d runs):' % args.runs)
    for v in vs:
        if not v.error and loop[v.name]:
            print('   %-26s %9.4f s  %6.2f ns/step' % (v.name, statistics.median(loop[v.name]),
                                                    statistics.median(loop[v.name]) / steps * 1e9))
    x, y = loop['autorc RC_GENERATOR'], loop.get('CPython generator', [])
    if x and y and not vs[0].error and not vs[-1].error:
        print('   CPython / autorc, the loop: %.1fx (runs %s)   target >= 20x' % (
            statistics.median(y) / statistics.median(x), spread(y, x)))


BENCHES = {'binary-trees': bench_binary_trees, 'cycles': bench_cycles, 'perceus': bench_perceus,
           'alloc': bench_alloc, 'compile': bench_compile, 'pause': bench_pause,
           'generators': bench_generators}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--depth', type=int, default=19)
    ap.add_argument('--only', default=','.join(BENCHES))
    ap.add_argument('--quick', action='store_true', help='small sizes, no CPython (a smoke run)')
    ap.add_argument('--build', default=os.path.join(ROOT, 'build', 'bench'))
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    build_tree(args.build)
    cc = os.path.join(args.build, 'bin', 'autorc-cc')
    cache = open(os.path.join(args.build, 'CMakeCache.txt')).read()
    clang = re.search(r'^AUTORC_LLVM_VERSION:\w+=(\d+)', cache, re.M)
    clang = '/usr/lib/llvm-%s/bin/clang' % clang.group(1)
    print('autorc benchmark suite: %s, %s, %d cores, runs=%d' % (clang, cpu_model(), os.cpu_count(), args.runs))
    for name in args.only.split(','):
        if name not in BENCHES:
            sys.exit('suite.py: unknown benchmark %r (have: %s)' % (name, ', '.join(BENCHES)))
        BENCHES[name](args, cc, clang)


if __name__ == '__main__':
    main()
