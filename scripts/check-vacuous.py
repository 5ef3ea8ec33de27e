#!/usr/bin/env python3
"""Find FileCheck directives that the test file's own text can satisfy.

Tests under tests/ run the plugin with emit=, which echoes the whole source,
comments and RUN/CHECK lines included, into the text FileCheck reads. A
positive directive (CHECK, -NEXT, -SAME, -DAG, -EMPTY aside) whose pattern
matches a comment of the test file -- its own CHECK line is one -- then
passes whatever the rewrite did.

For every FileCheck prefix whose input holds the emitted source (emit=- in a
pipe into FileCheck, or a file an emit= wrote read back by FileCheck), each
positive directive's pattern is turned into a regular expression and tried
against the comment text of every line of the file (the part from `//`, or a
line inside /* */). Hits are printed as FILE:LINE: PREFIX: pattern  <- matched
line N. Exit status 1 when any hit is found.

usage: scripts/check-vacuous.py [--build BUILD] [FILES or DIRS...]   (default: tests/)
With --build (a build tree with plugin/autorc.so), each hit of an emit=-
pipeline is confirmed by blanking the line it matched in the emitted text
and running FileCheck again; hits that then fail are dropped.
"""
import os
import re
import sys

OWN = re.compile(r'%s(?![A-Za-z_])')  # the test file itself (not %src_root)
DIRECTIVE = re.compile(r'(?:^|[^A-Za-z0-9_-])([A-Za-z0-9_-]+?)(-NEXT|-SAME|-DAG|-NOT|-LABEL|-EMPTY|-COUNT-\d+)?:(.*)$')


def run_lines(text):
    """RUN commands with continuations joined."""
    cmds, cur = [], None
    for line in text.splitlines():
        m = re.search(r'\bRUN:(.*)$', line)
        if not m:
            continue
        part = m.group(1).strip()
        if cur is not None:
            cur += ' ' + part
        else:
            cur = part
        if cur.endswith('\\'):
            cur = cur[:-1]
        else:
            cmds.append(cur)
            cur = None
    if cur:
        cmds.append(cur)
    return cmds


def prefixes_of(filecheck_args):
    prefixes = []
    for m in re.finditer(r'--?check-prefix(?:es)?[= ]([A-Za-z0-9_,-]+)', filecheck_args):
        prefixes += m.group(1).split(',')
    return prefixes or ['CHECK']


def source_prefixes(text):
    """Prefixes whose FileCheck input contains the emitted (echoed) source."""
    emitted_files = set()
    out = set()
    for cmd in run_lines(text):
        # only an emit of this file (%s, or a copy of it) echoes its comments
        own = OWN.search(cmd) or re.search(r'\bcp %s ', text)
        for m in re.finditer(r'emit=(%t[\w./-]*)', cmd):
            if own:
                emitted_files.add(m.group(1))
        # split into commands chained by && / ;
        for seg in re.split(r'&&|;', cmd):
            stages = seg.split('|')
            for i, st in enumerate(stages):
                if 'FileCheck' not in st:
                    continue
                fc = st[st.index('FileCheck'):]
                src = False
                # emit=- earlier in the pipe (a filter, grep or sed, may come between)
                if any('emit=-' in s and (OWN.search(s) or re.search(r'\bcp %s ', text))
                       for s in stages[:i]):
                    src = True
                m = re.search(r'(?:<\s*|--input-file[= ])(%t[\w./-]*)', fc)
                if m and m.group(1) in emitted_files:
                    src = True
                if src:
                    out.update(prefixes_of(fc))
    return out


def fc_regex(pattern):
    """FileCheck pattern -> Python regex (variables match anything)."""
    out, i = '', 0
    while i < len(pattern):
        if pattern.startswith('{{', i):
            j = pattern.find('}}', i + 2)
            while j != -1 and pattern.startswith('}}}', j):
                j += 1
            out += '(?:' + pattern[i + 2:j] + ')'
            i = j + 2
        elif pattern.startswith('[[', i):
            j = pattern.find(']]', i + 2)
            body = pattern[i + 2:j]
            if ':' in body:
                out += '(?:' + body.split(':', 1)[1] + ')'
            else:
                out += '.*?'
            i = j + 2
        elif pattern[i] in ' \t':
            # FileCheck canonicalises horizontal whitespace
            while i < len(pattern) and pattern[i] in ' \t':
                i += 1
            out += r'[ \t]+'
        else:
            out += re.escape(pattern[i])
            i += 1
    return out


def comment_texts(lines):
    """(line number, comment text) for every line that has comment text."""
    in_block = False
    for n, line in enumerate(lines, 1):
        if in_block:
            end = line.find('*/')
            yield n, line if end < 0 else line[:end]
            if end >= 0:
                in_block = False
            continue
        for m in re.finditer(r'//|/\*|#', line):
            tok = m.group(0)
            if tok == '#' and line[:m.start()].strip():
                continue  # '#' starts a comment only at the beginning (.test files)
            if tok == '#' and not re.match(r'\s*#\s*(RUN|[A-Z0-9_-]+:|REQUIRES|UNSUPPORTED|XFAIL| )', line[m.start():]):
                continue  # a preprocessor directive, not a comment
            if tok == '/*':
                end = line.find('*/', m.end())
                if end < 0:
                    in_block = True
                    yield n, line[m.start():]
                else:
                    yield n, line[m.start():end + 2]
                    continue
            else:
                yield n, line[m.start():]
            break


def audit(path):
    text = open(path, encoding='utf-8', errors='replace').read()
    prefixes = source_prefixes(text)
    if not prefixes:
        return []
    lines = text.splitlines()
    comments = list(comment_texts(lines))
    hits = []
    for n, line in enumerate(lines, 1):
        for m in DIRECTIVE.finditer(line):
            prefix, suffix, pattern = m.group(1), m.group(2) or '', m.group(3)
            # -NOT and -EMPTY match nothing; -SAME stays on the line the
            # directive before it matched, so it is vacuous only if that one is
            if prefix not in prefixes or suffix in ('-NOT', '-EMPTY', '-SAME'):
                continue
            pattern = pattern.strip()
            # `{{^}}//` checks an echoed comment on purpose (the emitted
            # text keeps the user's comments)
            if not pattern or pattern.startswith('{{^}}//'):
                continue
            try:
                rx = re.compile(fc_regex(pattern))
            except re.error as e:
                hits.append((n, prefix + suffix, pattern, 'unparsed: %s' % e))
                continue
            for cn, ctext in comments:
                if rx.search(ctext):
                    hits.append((n, prefix + suffix, pattern, cn))
                    break
            break
    return hits


# ---- --build BUILD: confirm each hit by breaking the rewrite -------------
#
# For a directive that a comment can satisfy, the static test above cannot
# tell whether FileCheck would ever reach that comment: a CHECK-NEXT or a
# match earlier in the file may pin it to the rewritten code. With a build,
# every emit=- pipeline of the file is run, FileCheck -v says which input
# line each directive matched: a directive that matched a comment line is
# vacuous now (the rewrite does not produce what it expects); otherwise that
# line is blanked in the emitted text ("the rewrite did not produce it"),
# and if FileCheck still passes, the directive is vacuous.

def substitute(cmd, path, build, tmp):
    inc = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'runtime', 'include')
    clang = '/usr/lib/llvm-%s/bin/clang' % os.environ.get('AUTORC_LLVM', '19')
    subs = [('%plugin_flags', '-fplugin=' + os.path.join(build, 'plugin', 'autorc.so')),
            ('%autorc_include', inc),
            ('%autorc_lib', os.path.join(build, 'runtime', 'libautorc.a')),
            ('%cc', clang + ' -std=gnu11 -g -Wall -Wextra -Wno-unused-parameter -I' + inc),
            ('%clang', clang), ('%s', path), ('%S', os.path.dirname(path)), ('%t', tmp)]
    for a, b in subs:
        cmd = cmd.replace(a, b)
    return cmd


def filecheck(fc_args, path, text):
    """FileCheck's verdict, and for each directive (by line) the input line
    it matched, read from the annotated input dump."""
    import subprocess
    fc = '/usr/lib/llvm-%s/bin/FileCheck' % os.environ.get('AUTORC_LLVM', '19')
    r = subprocess.run([fc, '-v', '--dump-input=always'] + fc_args + [path], input=text,
                       capture_output=True, text=True)
    matched, cur = {}, None
    for ln in r.stderr.splitlines():
        m = re.match(r'\s*(\d+): ', ln)
        if m:
            cur = int(m.group(1))
            continue
        m = re.match(r"[a-z-]+:(\d+)(?:'\d+)?\s+\^", ln)
        if m and cur is not None:
            matched.setdefault(int(m.group(1)), cur)
    return r.returncode == 0, matched


def confirm(path, hits, build):
    import shlex
    import subprocess
    import tempfile
    text = open(path, encoding='utf-8', errors='replace').read()
    confirmed = {}
    with tempfile.TemporaryDirectory() as tmp:
        for cmd in run_lines(text):
            for seg in re.split(r'&&|;', cmd):
                stages = seg.split('|')
                if len(stages) != 2 or 'emit=-' not in stages[0] or 'FileCheck' not in stages[1]:
                    continue
                fc = stages[1][stages[1].index('FileCheck'):]
                prefixes = prefixes_of(fc)
                fc_args = [a for a in shlex.split(fc)[1:] if a != '%s']
                out = subprocess.run(substitute(stages[0], path, build, os.path.join(tmp, 't')),
                                     shell=True, capture_output=True, text=True).stdout
                ok, matched = filecheck(fc_args, path, out)
                if not ok:
                    continue
                lines = out.split('\n')
                for n, d, pat, where in hits:
                    if d.split('-')[0] not in prefixes or n not in matched:
                        continue
                    hit = lines[matched[n] - 1].lstrip()
                    if hit.startswith(('//', '#')):
                        confirmed[n] = 'it matches a comment now'
                        continue
                    broken = list(lines)
                    broken[matched[n] - 1] = ''
                    still, _ = filecheck(fc_args, path, '\n'.join(broken))
                    confirmed[n] = 'passes with its match blanked' if still else False
    return confirmed


def main(args):
    build = None
    if len(args) >= 2 and args[0] == '--build':
        build, args = os.path.abspath(args[1]), args[2:]
    roots = args or ['tests']
    files = []
    for r in roots:
        if os.path.isdir(r):
            for d, dirs, fs in os.walk(r):
                dirs[:] = [x for x in dirs if x != 'Inputs']  # not tests (lit.cfg.py)
                files += [os.path.join(d, f) for f in fs if f.endswith(('.c', '.test', '.h'))]
        else:
            files.append(r)
    total = 0
    for f in sorted(files):
        hits = audit(f)
        verdict = confirm(f, hits, build) if build and hits else {}
        for n, d, pat, where in hits:
            if build and verdict.get(n) is False:
                continue  # blanking its match makes FileCheck fail: not vacuous
            total += 1
            tag = ' [confirmed: %s]' % verdict[n] if verdict.get(n) else ''
            print('%s:%d: %s: %s  <- matches line %s%s' % (f, n, d, pat, where, tag))
    print('%d directive(s) satisfiable by the test\'s own comments' % total, file=sys.stderr)
    return 1 if total else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
