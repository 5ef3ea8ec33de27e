# lit configuration for autorc. Substitutions:
#   %clang            the clang the build uses (plain, no plugin)
#   %cc               %clang with the runtime's include path and test flags
#                     (and ASan+UBSan in a sanitizer build)
#   %autorc_plugin    path of autorc.so;  %plugin_flags = -fplugin=...
#   %autorc_lib       libautorc.a;  %autorc_include  the header folder
#   %autorc_cc        the driver bin/autorc-cc
#   %src_root         the repository;  %autorc_build  the build tree
#   %autorc_shared_lib  libautorc.so;  %autorc_clangd  bin/autorc-clangd
#   %other_clang      a clang of another major version (feature other-clang)
#   %llvm_version     the LLVM major version the build is for (AUTORC_LLVM_VERSION)
import os
import lit.formats
import shutil

config.name = 'autorc'
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = ['.c', '.test']
config.excludes = ['Inputs', 'lit.cfg.py', 'corpus']
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.autorc_obj_root, 'tests')

llvm_bin = os.path.join(config.llvm_root, 'bin')
config.environment['PATH'] = os.pathsep.join([llvm_bin, config.environment.get('PATH', os.environ.get('PATH', ''))])
for var in ('AUTORC_MALLOC', 'AUTORC_TRACEMALLOC', 'AUTORC_GC_DEBUG', 'AUTORC_LEAK_REPORT', 'HOME'):
    if var in os.environ:
        config.environment[var] = os.environ[var]

san = ''
if config.autorc_sanitize:
    san = ' -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer'
    config.available_features.add('asan')
    config.environment['ASAN_OPTIONS'] = 'detect_leaks=1:abort_on_error=0'
    config.environment['UBSAN_OPTIONS'] = 'print_stacktrace=1:halt_on_error=1'
    config.environment.setdefault('AUTORC_MALLOC', 'malloc')
else:
    config.available_features.add('no-asan')

config.available_features.add('llvm-%d' % config.llvm_version)
if shutil.which('gcc') and shutil.which('g++'):
    config.available_features.add('gcc')
if shutil.which('valgrind'):
    config.available_features.add('valgrind')
if os.path.exists(config.autorc_plugin):
    config.available_features.add('plugin')

# scripts/valgrind.sh: `--param valgrind=1` runs every test program (a `%t...`
# in command position: first in a pipeline, or after `env X=Y` or `not`)
# under Valgrind, which exits 97 on any error; the build it tests has
# AUTORC_VALGRIND=ON, so pool blocks are described to Valgrind. Tests whose
# program reads freed memory on purpose say `UNSUPPORTED: valgrind-run`.
if lit_config.params.get('valgrind'):
    config.available_features.add('valgrind-run')
    vg = 'valgrind -q --error-exitcode=97 --track-fds=no --num-callers=20'
    config.substitutions.insert(0, (r'(^|[|;&]\s*|\benv(?:\s+[A-Za-z_][A-Za-z0-9_]*=\S*)*\s+|\bnot(?:\s+--crash)?\s+)(%t[\w./-]*)(?=\s|$)',
                                    r'\1' + vg + r' \2'))

# Valgrind reads DWARF 4 (clang 19's default DWARF 5 makes it give up).
vg_debug = ' -gdwarf-4' if lit_config.params.get('valgrind') else ''
cflags = '-std=gnu11 -g -Wall -Wextra -Wno-unused-parameter -I%s%s%s' % (config.autorc_include, san, vg_debug)
config.substitutions.append(('%autorc_plugin', config.autorc_plugin))
config.substitutions.append(('%plugin_flags', '-fplugin=' + config.autorc_plugin))
# In a sanitizer build the runtime needs the sanitizer runtimes at link time,
# whichever compiler line links it: %autorc_lib carries the flags along.
config.substitutions.append(('%autorc_lib', config.autorc_lib + (san and ' -fsanitize=address,undefined')))
config.substitutions.append(('%autorc_include', config.autorc_include))
config.substitutions.append(('%autorc_cc', config.autorc_cc + san + vg_debug))
config.substitutions.append(('%src_root', config.autorc_src_root))
config.substitutions.append(('%llvm_version', str(config.llvm_version)))
config.substitutions.append(('%autorc_build', config.autorc_obj_root))
config.substitutions.append(('%autorc_shared_lib', config.autorc_shared_lib))
config.substitutions.append(('%autorc_clangd', os.path.join(config.autorc_obj_root, 'bin', 'autorc-clangd')))
# A clang the plugin was not built for: the driver must refuse it.
import glob
others = sorted(c for c in glob.glob('/usr/lib/llvm-*/bin/clang')
                if c != os.path.join(config.llvm_root, 'bin', 'clang'))
if others:
    config.available_features.add('other-clang')
    config.substitutions.append(('%other_clang', others[0]))
other_tidy = sorted(t for t in glob.glob('/usr/lib/llvm-*/bin/clang-tidy')
                    if t != os.path.join(config.llvm_root, 'bin', 'clang-tidy'))
if other_tidy:
    config.available_features.add('other-clang-tidy')
    config.substitutions.insert(0, ('%other_clang_tidy', other_tidy[0]))
for tool in ('pkg-config', 'make', 'cmake', 'dpkg-deb', 'nvim'):
    if shutil.which(tool):
        config.available_features.add(tool)
config.substitutions.append(('%cc', config.clang + ' ' + cflags))
config.substitutions.append(('%clang', config.clang))
config.substitutions.append(('%python', 'python3'))
# The clang-tidy module: feature `tidy`, %clang_tidy = clang-tidy --load=autorc-tidy.so.
if getattr(config, 'autorc_tidy', '') and os.path.exists(config.autorc_tidy):
    config.available_features.add('tidy')
    config.substitutions.insert(0, ('%clang_tidy_bin', config.clang_tidy))
    config.substitutions.insert(0, ('%autorc_tidy', config.autorc_tidy))
    config.substitutions.insert(2, ('%clang_tidy', '%s --load=%s' % (config.clang_tidy, config.autorc_tidy)))
