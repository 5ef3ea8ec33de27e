#!/usr/bin/env python3
"""run.py — compile gen.py's programs with the autorc plugin, run them in each
allocator mode and compare every output with the model's.

    run.py --cc 'COMPILE-COMMAND' --modes pool,debug [--cc ASAN-CC --modes malloc] \\
           --seed S --programs N [--batch 25] [--jobs 2] [--disable F,..] \\
           [--failures DIR] [--reduce]

Each --cc is a compile command (the program's .c and `-o exe` are appended;
it must add the plugin, the include path and a runtime library, as
bin/autorc-cc does), followed by the AUTORC_MALLOC modes to run its binary
in. Programs are compiled in batches
(one translation unit, one clang and one process per batch and mode); a
batch that fails to compile, crashes or prints something else is split
down to the first failing program, which is saved standalone in DIR with
its expected and actual output, and with --reduce shrunk statement by
statement (a candidate is kept while it still compiles and still differs).
Exit status 0 only if every program matched in every mode.
"""
import argparse
import concurrent.futures as cf
import copy
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

TIMEOUT = 120


def canon(lines):
    """Sort the lines a collection prints (`gc>` up to `gc N`): the order of
    finalizers within one collection is unspecified."""
    out, seg = [], None
    for ln in lines:
        if seg is not None:
            if re.fullmatch(r'gc -?\d+', ln):
                out += sorted(seg) + [ln]
                seg = None
            else:
                seg.append(ln)
        elif ln == 'gc>':
            out.append(ln)
            seg = []
        else:
            out.append(ln)
    if seg is not None:
        out += seg
    return out


def programs_of(lines):
    """Split an output into {program index: lines}."""
    res, cur = {}, None
    for ln in lines:
        m = re.fullmatch(r'== program (\d+)', ln)
        if m:
            cur = int(m.group(1))
            res[cur] = []
        elif cur is not None:
            res[cur].append(ln)
    return res


class Result:
    def __init__(self, ok, what='', detail='', prog=None):
        self.ok, self.what, self.detail, self.prog = ok, what, detail, prog


def build(cmd, src, exe):
    # `{src}` in the command places the source (before libraries); else last
    argv = shlex.split(cmd)
    argv = [src if x == '{src}' else x for x in argv] if '{src}' in argv else argv + [src]
    p = subprocess.run(argv + ['-std=gnu11', '-w', '-o', exe],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
    return p.returncode == 0, p.stdout


def execute(exe, mode):
    env = dict(os.environ, AUTORC_MALLOC=mode)
    env.setdefault('ASAN_OPTIONS', 'detect_leaks=1:abort_on_error=0')
    env.setdefault('UBSAN_OPTIONS', 'print_stacktrace=1:halt_on_error=1')
    try:
        p = subprocess.run([exe], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=TIMEOUT, env=env)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return -999, '', 'timeout'


def check(c_lines, expected, configs, work, tag):
    """Build and run one C file in every config and mode. Result.prog is the
    index of the first program whose output differs (None: unknown)."""
    src = os.path.join(work, tag + '.c')
    with open(src, 'w') as f:
        f.write('\n'.join(c_lines) + '\n')
    exp_progs = programs_of(expected)
    for ci, (cmd, modes) in enumerate(configs):
        exe = os.path.join(work, '%s.%d.exe' % (tag, ci))
        ok, log = build(cmd, src, exe)
        if not ok:
            return Result(False, 'compile error (%s)' % cmd.split()[0], log)
        for mode in modes:
            rc, out, err = execute(exe, mode)
            got = canon(out.splitlines())
            if rc == 0 and got == canon(expected) and 'ERROR' not in err and 'runtime error' not in err:
                continue
            gp = programs_of(got)
            bad = None
            for idx in exp_progs:
                if canon(gp.get(idx, [])) != canon(exp_progs[idx]):
                    bad = idx
                    break
            what = 'mode %s: exit %d' % (mode, rc) if rc else 'mode %s: output differs' % mode
            if rc == 0 and bad is None:
                what = 'mode %s: sanitizer report' % mode
            return Result(False, what, '\n'.join(got) + '\n--- stderr\n' + err[-4000:], bad)
    return Result(True)


def diff_text(expected, actual):
    import difflib
    return '\n'.join(difflib.unified_diff(expected, actual, 'expected (model)', 'actual', lineterm='', n=3))


def standalone(seed, idx, disabled):
    funcs, lines, out = gen.one_program(seed, idx, disabled)
    hdr = '/* autorc fuzz program: gen.py --seed %s --first %d --programs 1%s */' % (
        seed, idx, (' --disable ' + ','.join(sorted(disabled))) if disabled else '')
    c, exp = gen.assemble(hdr, [(idx, lines, out)])
    return funcs, c, exp


def stmt_paths(stmts, prefix=()):
    """Paths of every statement in a nested statement list (deepest last)."""
    paths = []
    for i, s in enumerate(stmts):
        p = prefix + (i,)
        paths.append(p)
        subs = []
        if s[0] == 'if':
            subs = [(2, s[2]), (3, s[3])]
        elif s[0] == 'for':
            subs = [(3, s[3])]
        elif s[0] == 'gotoblk':
            subs = [(2, s[2])]
        elif s[0] == 'gfblk':
            subs = [(2, s[2]), (3, s[3])]
        elif s[0] == 'walk':
            subs = [(5, s[5])]
        elif s[0] == 'switch':
            subs = [((2, j, 0), b) for j, (b, _) in enumerate(s[2])]
        for key, b in subs:
            paths += stmt_paths(b, p + (key,))
    return paths


def _delete(stmts, path):
    i = path[0]
    if len(path) == 1:
        return stmts[:i] + stmts[i + 1:]
    s = list(stmts[i])
    key = path[1]
    rest = path[2:]
    if isinstance(key, tuple):
        _, j, _ = key
        cases = list(s[2])
        b, fall = cases[j]
        cases[j] = (_delete(b, rest), fall)
        s[2] = cases
    else:
        s[key] = _delete(s[key], rest)
    return stmts[:i] + [tuple(s)] + stmts[i + 1:]


def reduce(seed, idx, disabled, configs, work, log):
    """Delete statements while the program still compiles and still fails."""
    funcs, c, exp = standalone(seed, idx, disabled)
    tries = 0
    changed = True
    while changed:
        changed = False
        for fi in range(len(funcs)):
            for path in reversed(stmt_paths(funcs[fi].body)):
                cand = copy.deepcopy(funcs)
                try:
                    cand[fi].body = _delete(cand[fi].body, path)
                except (IndexError, TypeError):
                    continue
                try:
                    lines, out = gen.render(cand, idx, disabled)
                except (gen.Reject, KeyError, AssertionError):
                    continue
                cc, ce = gen.assemble('/* reduced from gen.py --seed %s --first %d */' % (seed, idx),
                                      [(idx, lines, out)])
                tries += 1
                r = check(cc, ce, configs, work, 'reduce')
                if not r.ok and not r.what.startswith('compile error'):
                    funcs, c, exp = cand, cc, ce
                    changed = True
                    break
            if changed:
                break
    log('  reduced in %d tries' % tries)
    return c, exp


def run_batch(args, configs, seed, first, n, disabled):
    work = tempfile.mkdtemp(prefix='autorc-fuzz-')
    c, exp = gen.batch(seed, n, disabled, first)
    r = check(c, exp, configs, work, 'batch')
    if r.ok:
        shutil.rmtree(work, ignore_errors=True)
    return first, n, r, work


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cc', action='append', required=True, help='compile command (repeatable)')
    ap.add_argument('--modes', action='append', required=True, help='AUTORC_MALLOC modes for the --cc before')
    ap.add_argument('--seed', default='0')
    ap.add_argument('--programs', type=int, default=100)
    ap.add_argument('--first', type=int, default=0)
    ap.add_argument('--batch', type=int, default=25)
    ap.add_argument('--jobs', type=int, default=1)
    ap.add_argument('--disable', default='')
    ap.add_argument('--failures', default='', help='directory for failing programs')
    ap.add_argument('--reduce', action='store_true')
    ap.add_argument('--max-failures', type=int, default=5)
    a = ap.parse_args(argv)
    disabled = set(x for x in a.disable.split(',') if x)
    bad = disabled - set(gen.FEATURES)
    if bad:
        ap.error('unknown feature(s): %s' % ', '.join(sorted(bad)))
    if len(a.cc) != len(a.modes):
        ap.error('each --cc needs its --modes')
    configs = [(cmd, [m for m in modes.split(',') if m]) for cmd, modes in zip(a.cc, a.modes)]
    log = lambda s: print(s, flush=True)  # noqa: E731
    t0 = time.time()
    done = failed = 0
    failures = []
    with cf.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        futs = []
        for first in range(a.first, a.first + a.programs, a.batch):
            n = min(a.batch, a.first + a.programs - first)
            futs.append(ex.submit(run_batch, a, configs, a.seed, first, n, disabled))
        for fu in futs:
            first, n, r, work = fu.result()
            done += n
            if not r.ok:
                failures.append((first, n, r, work))
            if done % 1000 < n:
                log('... %d programs, %d failing batch(es), %.0f s' % (done, len(failures), time.time() - t0))
    for first, n, r, work in failures[:a.max_failures]:
        idx = r.prog
        log('FAIL: programs %d..%d: %s' % (first, first + n - 1, r.what))
        log('  batch stderr: %s' % r.detail.split('\n--- stderr\n')[-1][-1500:].strip())
        if idx is not None and check(*standalone(a.seed, idx, disabled)[1:], configs, work, 'one').ok:
            # A crash loses the buffered stdout of the programs before it, so
            # the first program whose output is missing may not be the one.
            idx = None
        if idx is None:
            # find it: each program alone
            for i in range(first, first + n):
                _, c, exp = standalone(a.seed, i, disabled)
                rr = check(c, exp, configs, work, 'one')
                if not rr.ok:
                    idx, r = i, rr
                    break
        if idx is None:
            log('  (no single program fails alone)')
            log(r.detail[-3000:])
            failed += 1
            continue
        failed += 1
        _, c, exp = standalone(a.seed, idx, disabled)
        r1 = check(c, exp, configs, work, 'one')
        log('  program %d (seed %s): %s' % (idx, a.seed, r1.what if not r1.ok else 'passes alone'))
        if a.reduce and not r1.ok:
            c, exp = reduce(a.seed, idx, disabled, configs, work, log)
            r1 = check(c, exp, configs, work, 'one')
        if a.failures:
            os.makedirs(a.failures, exist_ok=True)
            base = os.path.join(a.failures, 'seed%s-prog%d' % (a.seed, idx))
            with open(base + '.c', 'w') as f:
                f.write('\n'.join(c) + '\n')
            with open(base + '.expected', 'w') as f:
                f.write('\n'.join(exp) + '\n')
            with open(base + '.actual', 'w') as f:
                f.write(r1.what + '\n' + r1.detail + '\n')
            log('  saved %s.{c,expected,actual}' % base)
        if not r1.ok and not r1.what.startswith('compile'):
            got = r1.detail.split('\n--- stderr\n')[0].splitlines()
            log(diff_text(canon(exp), got)[:3000])
        elif not r1.ok:
            log(r1.detail[:3000])
    if len(failures) > a.max_failures:
        failed += len(failures) - a.max_failures
        log('(%d more failing batches not examined)' % (len(failures) - a.max_failures))
    dt = time.time() - t0
    log('fuzz: %d programs, seed %s, %d failing batch(es), %.0f s' % (done, a.seed, len(failures), dt))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
