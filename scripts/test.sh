#!/usr/bin/env bash
# Run every autorc test: configure and build with each requested LLVM/Clang,
# run the lit suite (runtime unit tests, plugin rewrite/diagnostic/run tests,
# examples), and end with one line "N passed, N failed".
#   scripts/test.sh                     # newest installed LLVM
#   scripts/test.sh --llvm 14 --llvm 19 --asan
#   --asan      adds a run with ASan+UBSan and AUTORC_MALLOC=malloc (newest LLVM)
#   --no-setup  skip scripts/setup.sh;  --filter RE  only tests matching RE
#   --smoke N   adds a run with LLVM N of the smaller suite: the plugin's and
#               the toolchain's tests (CI uses it for clang 15 and 16)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
versions=(); smoke=(); asan=0; setup=1; filter=()
smoke_filter='lit/(plugin|toolchain)/'
while (($#)); do
  case "$1" in
    --llvm) versions+=("$2"); shift 2 ;;
    --smoke) smoke+=("$2"); shift 2 ;;
    --asan) asan=1; shift ;;
    --no-setup) setup=0; shift ;;
    --filter) filter=(--filter "$2"); shift 2 ;;
    *) echo "test.sh: unknown argument '$1' (expected --llvm N, --smoke N, --asan, --no-setup, --filter RE)" >&2; exit 2 ;;
  esac
done
((setup)) && { "$root/scripts/setup.sh" || exit 1; }
newest=$(ls -d /usr/lib/llvm-*/include/clang/Frontend 2>/dev/null | sed -E 's#.*/llvm-([0-9]+)/.*#\1#' | sort -n | tail -1)
((${#versions[@]})) || ((${#smoke[@]})) || ((asan)) || versions=("$newest")
configs=()
for v in "${versions[@]}"; do configs+=("$v:plain"); done
for v in "${smoke[@]}"; do configs+=("$v:smoke"); done
((asan)) && configs+=("$newest:asan")

total_pass=0; total_fail=0; total_skip=0; status=0
for cfg in "${configs[@]}"; do
  v=${cfg%%:*}; kind=${cfg##*:}
  bdir="$root/build/test-llvm$v"; san=OFF
  [[ $kind == asan ]] && { bdir="$bdir-asan"; san=ON; }
  echo "== autorc tests: LLVM $v ($kind) in ${bdir#$root/}"
  log="$bdir.log"; mkdir -p "$bdir"
  if ! cmake -S "$root" -B "$bdir" -DAUTORC_LLVM_VERSION="$v" -DAUTORC_SANITIZE=$san \
        -DCMAKE_C_COMPILER="/usr/lib/llvm-$v/bin/clang" -DCMAKE_CXX_COMPILER="/usr/lib/llvm-$v/bin/clang++" \
        >"$log" 2>&1 || ! cmake --build "$bdir" -j"$(nproc)" >>"$log" 2>&1; then
    tail -40 "$log"; echo "build failed for LLVM $v ($kind): see $log"
    total_fail=$((total_fail + 1)); status=1; continue
  fi
  env_asan=(); [[ $kind == asan ]] && env_asan=(env AUTORC_MALLOC=malloc)
  run_filter=("${filter[@]}"); [[ $kind == smoke && ${#filter[@]} == 0 ]] && run_filter=(--filter "$smoke_filter")
  "${env_asan[@]}" python3 "/usr/lib/llvm-$v/build/utils/lit/lit.py" -v --no-progress-bar "${run_filter[@]}" \
      "$bdir/tests" >"$bdir.lit.log" 2>&1
  grep -E '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):' -A60 "$bdir.lit.log" | head -300
  p=$(grep -cE '^(PASS|XFAIL):' "$bdir.lit.log"); f=$(grep -cE '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):' "$bdir.lit.log")
  s=$(grep -cE '^UNSUPPORTED:' "$bdir.lit.log")
  echo "llvm-$v-$kind: $p passed, $f failed, $s skipped"
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f)); total_skip=$((total_skip + s))
  ((f)) && status=1
  ((p + f)) || { echo "no tests ran for LLVM $v ($kind)"; status=1; }
done
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
exit $status
