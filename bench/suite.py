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
  tracemalloc   binary-trees untraced and with AUTORC_TRACEMALLOC=1
                (bench/tracemalloc/run.sh; target: tracing costs <= 1.5x).
  oo            richards and deltablue, pyperformance's object-oriented
                programs ported to managed C as users write them
                (bench/oo; outputs checked against the Python references).

With --baseline REV (a git revision, exported into bench/out and built there
once, Release, the same LLVM) or --baseline BUILD (a built tree's directory),
the suite compares instead of measuring peers: the programs of perceus, oo,
binary-trees (both node variants), cycles and tracemalloc are compiled by each
tree's own plugin and linked with its runtime, run interleaved, and printed
with CPU times and the ratio now/baseline; compile compares the two plugins'
compile time. Outputs must be identical. "No regression" for issue 14 means
against ab7c02f, the last runtime before the candidate collector.

A missing peer is reported and skipped, never fatal.

  bench/suite.py [--runs N] [--depth D] [--only NAME,...] [--quick] [--baseline REV|BUILD]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
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
        self.cpu = []

    def build(self):
        if self.build_cmd is None:
            return
        try:
            subprocess.run(self.build_cmd, shell=True, check=True, capture_output=True, text=True)
        except subprocess.CalledProcessError as e:
            self.error = 'not built: ' + (e.stderr.strip().splitlines() or ['?'])[-1][:100]


def run_measured(cmd, env=None):
    """Run cmd, return (seconds, peak RSS KiB, stdout, returncode, stderr)."""
    return run_measured_cpu(cmd, env)[:5]


def run_measured_cpu(cmd, env=None):
    """run_measured's tuple and the process's CPU seconds (user + sys).
    The peak RSS is GNU time's when /usr/bin/time exists: wait4's maxrss of
    a child of this Python includes the Python forked before exec (about
    17 MiB), a floor that hid the peak of every smaller program."""
    argv, rssfile = ['/bin/sh', '-c', cmd], None
    if os.path.exists('/usr/bin/time'):
        fd, rssfile = tempfile.mkstemp(prefix='rss-', dir=OUT)
        os.close(fd)
        argv = ['/usr/bin/time', '-f', '%M', '-o', rssfile] + argv
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    rss = ru.ru_maxrss
    if rssfile:
        try:
            rss = int(open(rssfile).read().split()[-1])
        except (ValueError, IndexError):
            pass
        os.unlink(rssfile)
    return (dt, rss, out.decode(errors='replace'), p.returncode,
            err.decode(errors='replace'), ru.ru_utime + ru.ru_stime)


def measure(variants, runs, env=None, check_output=True):
    ok = [v for v in variants if not v.error]
    for _ in range(runs):
        for v in ok:
            if v.error:
                continue
            dt, rss, out, rc, err, cpu = run_measured_cpu(v.run_cmd, env)
            if rc != 0:
                v.error = 'exit %d: %s' % (rc, err.strip()[:120])
                continue
            v.times.append(dt)
            v.cpu.append(cpu)
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


PERCEUS_SIZES = {'rbtree': 1000000, 'deriv': 9, 'nqueens': 12, 'cfold': 20}
PERCEUS_QUICK = {'rbtree': 100000, 'deriv': 7, 'nqueens': 10, 'cfold': 16}


def bench_perceus(args, cc, clang):
    P = os.path.join(HERE, 'perceus')
    stats_build = args.build + '-stats'
    build_tree(stats_build, stats=True)
    scc = os.path.join(stats_build, 'bin', 'autorc-cc')
    sizes = PERCEUS_QUICK if args.quick else PERCEUS_SIZES
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


def compile_inputs(args):
    """Generate the compile benchmark's two files; return (plain, managed, nfun)."""
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
    return plain, managed, nfun


def bench_compile(args, cc, clang):
    plain, managed, nfun = compile_inputs(args)
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


def bench_tracemalloc(args, cc, clang):
    depth = 16 if args.quick else 18
    sh(['bash', os.path.join(HERE, 'tracemalloc', 'run.sh'), str(depth), str(max(args.runs, 3))],
       env=dict(os.environ, AUTORC_LIB=os.path.join(args.build, 'runtime', 'libautorc.a'), CC=clang))


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


# (program, arguments): richards' iterations; deltablue's iterations and n
# (pyperformance's n is 100; 5000 makes each test's garbage a graph of some
# 25,000 objects in cycles).
OO_SIZES = [('richards', '1000'), ('deltablue', '3000 100'), ('deltablue', '60 5000')]
OO_QUICK = [('richards', '50'), ('deltablue', '100 100'), ('deltablue', '3 5000')]
OO_CHECK = {'richards': '2', 'deltablue': '2 537'}


def check_oo_outputs(O, build_cmd):
    """Each OO program's output against its Python reference (bench/oo/*.py)
    at a small size. Returns {name: error or None}."""
    errors = {}
    for name, a in OO_CHECK.items():
        exe = os.path.join(OUT, 'oo-check-' + name)
        try:
            sh(build_cmd(f'{O}/{name}.c', exe), capture_output=True)
            mine = subprocess.run(f'{exe} {a}', shell=True, capture_output=True, text=True).stdout
            ref = subprocess.run(f'python3 {O}/{name}.py {a}', shell=True, capture_output=True, text=True).stdout
            errors[name] = None if mine == ref else 'output differs from %s.py: %r vs %r' % (name, mine, ref)
        except subprocess.CalledProcessError as e:
            errors[name] = 'not built: ' + (e.stderr.decode(errors='replace').strip().splitlines() or ['?'])[-1][:100]
    return errors


def bench_oo(args, cc, clang):
    O = os.path.join(HERE, 'oo')
    errors = check_oo_outputs(O, lambda src, exe: f'{cc} -O2 {src} -o {exe}')
    sizes = OO_QUICK if args.quick else OO_SIZES
    vs = []
    for name, a in sizes:
        exe = os.path.join(OUT, 'oo-%s-%s' % (name, a.replace(' ', 'x')))
        v = Variant(f'{name} ({a})', f'{cc} -O2 {O}/{name}.c -o {exe}', f'{exe} {a}')
        v.build()
        v.error = v.error or errors[name]
        vs.append(v)
    measure(vs, args.runs, check_output=False)
    print('\n== richards and deltablue, ported from pyperformance as users write them '
          '(autorc; median of %d runs; outputs checked against bench/oo/*.py)' % args.runs)
    print('   %-26s %10s %10s %12s' % ('program', 'median s', 'cpu s', 'peak MiB'))
    for v in vs:
        if v.error or not v.times:
            print('   %-26s %s' % (v.name, v.error))
            continue
        print('   %-26s %10.3f %10.3f %12.1f' % (v.name, statistics.median(v.times),
              statistics.median(v.cpu), statistics.median(v.rss) / 1024))


# ---- --baseline: the same programs with another revision's plugin and runtime ----

def baseline_tree(args, llvm):
    """The baseline's driver, include path, runtime and plugin: a built tree
    given by its path, or a git revision exported into bench/out once and
    built there (Release, the same LLVM as the current tree)."""
    spec = args.baseline
    if os.path.isdir(spec):
        build = os.path.abspath(spec)
        label = spec
    else:
        rev = subprocess.run(['git', '-C', ROOT, 'rev-parse', '--short=10', spec + '^{commit}'],
                             check=True, capture_output=True, text=True).stdout.strip()
        label = rev
        base = os.path.join(ROOT, 'bench', 'out', 'baseline-' + rev)
        src, build = os.path.join(base, 'src'), os.path.join(base, 'build')
        if not os.path.exists(os.path.join(src, 'CMakeLists.txt')):
            os.makedirs(src, exist_ok=True)
            sh(f'git -C {ROOT} archive {rev} | tar -x -C {src}')
        if not os.path.exists(os.path.join(build, 'CMakeCache.txt')):
            sh(['cmake', '-S', src, '-B', build, '-DCMAKE_BUILD_TYPE=Release',
                '-DAUTORC_LLVM_VERSION=' + llvm], stdout=subprocess.DEVNULL)
        sh(['cmake', '--build', build, '--target', 'autorc_static', 'autorc_plugin', '-j2'],
           stdout=subprocess.DEVNULL)
    cache = open(os.path.join(build, 'CMakeCache.txt')).read()
    src = re.search(r'^autorc_SOURCE_DIR:STATIC=(.*)$', cache, re.M).group(1)
    return {'label': label, 'cc': os.path.join(build, 'bin', 'autorc-cc'),
            'inc': os.path.join(src, 'runtime', 'include'),
            'lib': os.path.join(build, 'runtime', 'libautorc.a'),
            'plugin': os.path.join(build, 'plugin', 'autorc.so')}


def current_tree(args):
    return {'label': 'now', 'cc': os.path.join(args.build, 'bin', 'autorc-cc'),
            'inc': os.path.join(ROOT, 'runtime', 'include'),
            'lib': os.path.join(args.build, 'runtime', 'libautorc.a'),
            'plugin': os.path.join(args.build, 'plugin', 'autorc.so')}


def baseline_programs(bench, args, clang):
    """(name, build command for a tree, run arguments) of one benchmark's
    programs; the sources are the current tree's, compiled by each tree."""
    P, O, B, C = (os.path.join(HERE, d) for d in ('perceus', 'oo', 'binary-trees', 'cycles'))
    d = min(args.depth, 16) if args.quick else args.depth
    drv = lambda src, extra='': (lambda t, exe: f'{t["cc"]} -O2 {extra} {src} -o {exe}')
    if bench == 'perceus':
        sizes = PERCEUS_QUICK if args.quick else PERCEUS_SIZES
        return [(f'{n} {a}', drv(f'{P}/{n}.c', '-pthread'), str(a)) for n, a in sizes.items()]
    if bench == 'oo':
        sizes = OO_QUICK if args.quick else OO_SIZES
        return [(f'{n} {a}', drv(f'{O}/{n}.c'), a) for n, a in sizes]
    if bench == 'binary-trees':
        return [(f'bt unannotated {d}', drv(f'{B}/bt_autorc_plain.c'), str(d)),
                (f'bt RC_ACYCLIC {d}', drv(f'{B}/bt_autorc.c'), str(d))]
    if bench == 'cycles':
        a = '16 20000 100' if args.quick else '20 100000 100'
        return [('cycles two types', drv(f'{C}/cycles_autorc.c'), a),
                ('cycles one type', drv(f'{C}/cycles_onetype.c'), a)]
    if bench == 'tracemalloc':
        T = os.path.join(HERE, 'tracemalloc', 'binary_trees.c')
        td = 16 if args.quick else 18
        by_hand = lambda extra: (lambda t, exe: f'{clang} -O2 -DNDEBUG {extra} -I{t["inc"]} {T} {t["lib"]} -o {exe}')
        return [(f'{n} {mode} {td}', by_hand(extra), f'{td}' if mode == 'untraced' else f'{td} traced')
                for n, extra in (('tm tracked', ''), ('tm acyclic', '-DACYCLIC'))
                for mode in ('untraced', 'traced')]
    return None


def run_line(exe, a):
    """The command of a baseline program run: 'traced' at the end of the
    arguments turns on AUTORC_TRACEMALLOC."""
    if a.endswith(' traced'):
        return f'AUTORC_TRACEMALLOC=1 {exe} {a[:-7]}'
    return f'env -u AUTORC_TRACEMALLOC {exe} {a}'


# What of a program's output must be equal in both trees: the cycles
# programs print their own time first.
OUTPUT_KEY = {'cycles': lambda out: [line.split()[1:] for line in out.splitlines()]}


def bench_baseline(bench, args, clang, trees):
    if bench == 'compile':
        return baseline_compile(args, clang, trees)
    progs = baseline_programs(bench, args, clang)
    pairs = []
    for name, build, a in progs:
        pair = []
        for t in trees:
            exe = os.path.join(OUT, 'base-%s-%s' % (t['label'].replace('/', '_'), re.sub(r'\W+', '_', name)))
            v = Variant(f'{name} [{t["label"]}]', build(t, exe), run_line(exe, a))
            v.build()
            pair.append(v)
        pairs.append(pair)
    measure([v for p in pairs for v in p], args.runs, check_output=False)
    print('\n== %s: now against the baseline %s (CPU s = user + sys; median of %d interleaved runs)'
          % (bench, trees[1]['label'], args.runs))
    print('   %-24s %9s %9s %7s %11s %9s %9s' % ('program', 'now cpu', 'base cpu', 'ratio', 'runs',
                                               'now MiB', 'base MiB'))
    med = {}
    for now, base in pairs:
        name = now.name.rsplit(' [', 1)[0]
        same = OUTPUT_KEY.get(bench, lambda out: out)
        if not now.error and not base.error and same(now.output) != same(base.output):
            now.error = 'output differs from the baseline'
        if now.error or base.error or not now.cpu or not base.cpu:
            print('   %-24s %s' % (name, now.error or base.error))
            continue
        n, b = statistics.median(now.cpu), statistics.median(base.cpu)
        med[name] = (n, b)
        print('   %-24s %9.3f %9.3f %6.2fx %11s %9.1f %9.1f' % (
            name, n, b, n / b, spread(now.cpu, base.cpu),
            statistics.median(now.rss) / 1024, statistics.median(base.rss) / 1024))
    if bench == 'tracemalloc':
        for prog in ('tm tracked', 'tm acyclic'):
            keys = [k for k in med if k.startswith(prog)]
            u = next((med[k] for k in keys if ' untraced ' in k), None)
            t = next((med[k] for k in keys if ' traced ' in k), None)
            if u and t:
                print('   %-24s tracing cost: now %.2fx, baseline %.2fx   target <= 1.5x' % (
                    prog, t[0] / u[0], t[1] / u[1]))


def baseline_compile(args, clang, trees):
    """The annotated file of bench_compile through each tree's plugin."""
    _, managed, nfun = compile_inputs(args)
    vs = [Variant(f'annotated file [{t["label"]}]', None,
                  f'{clang} -fplugin={t["plugin"]} -I{t["inc"]} -O2 -c {managed} -o /dev/null')
          for t in trees]
    measure(vs, max(args.runs, 5), check_output=False)
    now, base = vs
    print('\n== compile: %d functions, -O2 -c, through each plugin (CPU s; median of %d '
          'interleaved runs)' % (nfun, max(args.runs, 5)))
    if now.error or base.error:
        print('   %s' % (now.error or base.error))
        return
    n, b = statistics.median(now.cpu), statistics.median(base.cpu)
    print('   %-24s %9s %9s %7s %11s' % ('file', 'now cpu', 'base cpu', 'ratio', 'runs'))
    print('   %-24s %9.3f %9.3f %6.2fx %11s' % ('annotated file', n, b, n / b, spread(now.cpu, base.cpu)))


BASELINE_BENCHES = ('perceus', 'oo', 'binary-trees', 'cycles', 'tracemalloc', 'compile')


BENCHES = {'binary-trees': bench_binary_trees, 'cycles': bench_cycles, 'perceus': bench_perceus,
           'alloc': bench_alloc, 'compile': bench_compile, 'pause': bench_pause,
           'generators': bench_generators, 'oo': bench_oo, 'tracemalloc': bench_tracemalloc}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--depth', type=int, default=19)
    ap.add_argument('--only', default=None)
    ap.add_argument('--quick', action='store_true', help='small sizes, no CPython (a smoke run)')
    ap.add_argument('--build', default=os.path.join(ROOT, 'build', 'bench'))
    ap.add_argument('--baseline', metavar='REV|BUILD',
                    help='compare with another revision (built once into bench/out) or a built tree '
                         'instead of the peers: ' + ', '.join(BASELINE_BENCHES))
    args = ap.parse_args()
    args.only = args.only or ','.join(BASELINE_BENCHES if args.baseline else BENCHES)
    os.makedirs(OUT, exist_ok=True)
    build_tree(args.build)
    cc = os.path.join(args.build, 'bin', 'autorc-cc')
    cache = open(os.path.join(args.build, 'CMakeCache.txt')).read()
    llvm = re.search(r'^AUTORC_LLVM_VERSION:\w+=(\d+)', cache, re.M).group(1)
    clang = '/usr/lib/llvm-%s/bin/clang' % llvm
    print('autorc benchmark suite: %s, %s, %d cores, runs=%d' % (clang, cpu_model(), os.cpu_count(), args.runs))
    names = args.only.split(',')
    for name in names:
        if name not in BENCHES:
            sys.exit('suite.py: unknown benchmark %r (have: %s)' % (name, ', '.join(BENCHES)))
        if args.baseline and name not in BASELINE_BENCHES:
            sys.exit('suite.py: %s has no --baseline comparison (have: %s)' % (name, ', '.join(BASELINE_BENCHES)))
    if args.baseline:
        trees = [current_tree(args), baseline_tree(args, llvm)]
        print('baseline: %s (%s)' % (trees[1]['label'], trees[1]['cc']))
        for name in names:
            bench_baseline(name, args, clang, trees)
        return
    for name in names:
        BENCHES[name](args, cc, clang)


if __name__ == '__main__':
    main()
