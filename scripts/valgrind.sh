#!/usr/bin/env bash
# Run the suite's run tests under Valgrind: configure and build the runtime with
# AUTORC_VALGRIND=ON (pool blocks described to Valgrind as malloc-like blocks,
# so a read of a released pooled object is an error) in build/valgrind-llvmN,
# then run lit with --param valgrind=1, which runs every test program under
# `valgrind --error-exitcode=97` (tests/lit.cfg.py). Compilers, FileCheck and
# the plugin are not run under Valgrind. Ends with "N passed, N failed".
#   scripts/valgrind.sh [--llvm N] [--filter RE] [--build DIR]
# --build DIR reuses a configured build tree (e.g. build/test-llvm19 after
# scripts/test.sh): only the runtime is rebuilt with AUTORC_VALGRIND=ON, and
# rebuilt without it at the end, so the plugin is not compiled twice.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
v=$(ls -d /usr/lib/llvm-*/include/clang/Frontend 2>/dev/null | sed -E 's#.*/llvm-([0-9]+)/.*#\1#' | sort -n | tail -1)
filter=(); bdir=""
while (($#)); do
  case "$1" in
    --llvm) v="$2"; shift 2 ;;
    --filter) filter=(--filter "$2"); shift 2 ;;
    --build) bdir=$(cd "$2" && pwd) || exit 2; shift 2 ;;
    *) echo "valgrind.sh: unknown argument '$1' (expected --llvm N, --filter RE, --build DIR)" >&2; exit 2 ;;
  esac
done
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
if [[ -n $bdir ]]; then
  v=$(sed -n 's/^AUTORC_LLVM_VERSION:[A-Z]*=//p' "$bdir/CMakeCache.txt")
  log="$bdir.valgrind.log"
  restore() { cmake "$bdir" -DAUTORC_VALGRIND=OFF >>"$log" 2>&1 && cmake --build "$bdir" -j"$(nproc)" >>"$log" 2>&1; }
  trap restore EXIT
else
  bdir="$root/build/valgrind-llvm$v"; log="$bdir.log"; mkdir -p "$bdir"
fi
echo "== autorc tests under Valgrind: LLVM $v in ${bdir#$root/}"
if ! cmake -S "$root" -B "$bdir" -DAUTORC_LLVM_VERSION="$v" -DAUTORC_VALGRIND=ON \
      -DCMAKE_C_COMPILER="/usr/lib/llvm-$v/bin/clang" -DCMAKE_CXX_COMPILER="/usr/lib/llvm-$v/bin/clang++" \
      >"$log" 2>&1 || ! cmake --build "$bdir" -j"$(nproc)" >>"$log" 2>&1; then
  tail -40 "$log"; echo "build failed: see $log"; exit 1
fi
start=$(date +%s)
python3 "/usr/lib/llvm-$v/build/utils/lit/lit.py" -v --no-progress-bar --param valgrind=1 "${filter[@]}" \
    "$bdir/tests" >"$bdir.valgrind.lit.log" 2>&1
lit_log="$bdir.valgrind.lit.log"
grep -E '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):' -A60 "$lit_log" | head -300
p=$(grep -cE '^(PASS|XFAIL):' "$lit_log"); f=$(grep -cE '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):' "$lit_log")
s=$(grep -cE '^UNSUPPORTED:' "$lit_log")
echo "valgrind-llvm-$v: $p passed, $f failed, $s skipped in $(( $(date +%s) - start )) s"
((f == 0 && p > 0))
