#!/usr/bin/env bash
# bench/cycles: rings of RING nodes with strong next and prev links, made and
# dropped NRINGS times over a long-lived binary tree of depth DEPTH — every
# ring is cyclic garbage. Builds and runs, in one invocation:
#   autorc       managed C through bin/autorc-cc (the plugin inserts counts)
#   autorc-hand  the same with counts written by hand (runtime only)
#   free         hand-written malloc/free (each ring freed by walking it)
#   nim-orc      Nim ORC  (nim c -d:release --mm:orc)
#   cpython      python3 with __slots__ classes
# With AUTORC_BASELINE_LIB=path/to/libautorc.a (e.g. the runtime of an older
# commit) the managed program is also linked against that library and run as
# "autorc-base": before/after numbers from one invocation.
# Prints the median of RUNS runs (seconds, timed inside each program) and
# the ratio of each peer to autorc (> 1 = autorc faster). A missing peer is
# reported, not fatal.
#   bench/cycles/run.sh [depth] [nrings] [ring] [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
depth=${1:-20}; nrings=${2:-100000}; ring=${3:-100}; runs=${4:-5}
out="$root/bench/out/cycles"; mkdir -p "$out"
build=${AUTORC_BUILD:-"$root/build/bench"}
if [[ -z ${AUTORC_BUILD:-} ]]; then
  [[ -f $build/CMakeCache.txt ]] || cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 >/dev/null
fi
cc=${CC:-clang}
src="$root/bench/cycles"
variants=()
try() { # name, command...
  local name=$1; shift
  if "$@" >"$out/$name.log" 2>&1; then variants+=("$name"); else echo "($name: not built — $(grep -m1 -i error "$out/$name.log" || head -1 "$out/$name.log"))"; fi
}
try autorc "$build/bin/autorc-cc" -O2 -DNDEBUG -w "$src/cycles_autorc.c" -o "$out/autorc"
if [[ -n ${AUTORC_BASELINE_LIB:-} ]]; then
  try autorc-base sh -c '"$1" -O2 -DNDEBUG -w -c "$2" -o "$3.o" && '"${cc@Q}"' "$3.o" "$4" -o "$3"' _ \
    "$build/bin/autorc-cc" "$src/cycles_autorc.c" "$out/autorc-base" "$AUTORC_BASELINE_LIB"
fi
try autorc-hand "$cc" -O2 -DNDEBUG -I"$root/runtime/include" "$src/cycles_rc.c" "$build/runtime/libautorc.a" -o "$out/autorc-hand"
try free "$cc" -O2 -DNDEBUG "$src/cycles_free.c" -o "$out/free"
if command -v nim >/dev/null; then
  try nim-orc nim c -d:release --mm:orc --hints:off --nimcache:"$out/nimcache" -o:"$out/nim-orc" "$src/cycles.nim"
else echo "(nim-orc: nim not installed)"; fi
if command -v python3 >/dev/null; then
  printf '#!/bin/sh\nexec python3 %q "$@"\n' "$src/cycles.py" >"$out/cpython"; chmod +x "$out/cpython"; variants+=(cpython)
else echo "(cpython: python3 not installed)"; fi

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
declare -A times med sums
for ((r = 0; r < runs; r++)); do   # interleave the variants so load drift hits all alike
  for v in "${variants[@]}"; do
    [[ $v == cpython && $r -ge 3 ]] && continue   # CPython is slow: 3 runs are enough
    read -r t sum live < <("$out/$v" "$depth" "$nrings" "$ring")
    times[$v]+="$t "
    sums[$v]=$sum
    [[ ${live:-0} == 0 ]] || echo "warning: $v left $live objects alive"
  done
done
echo "== bench/cycles: depth-$depth tree, $nrings rings of $ring nodes (median of $runs runs; cpython 3)"
for v in "${variants[@]}"; do med[$v]=$(echo "${times[$v]}" | median); done
base=${med[autorc]:-${med[autorc-hand]:-}}
for v in "${variants[@]}"; do
  if [[ -n $base ]]; then
    printf "   %-12s %8.3f s   %6.2fx  (checksum %s)\n" "$v" "${med[$v]}" "$(awk -v a="$base" -v b="${med[$v]}" 'BEGIN {print b / a}')" "${sums[$v]}"
  else
    printf "   %-12s %8.3f s\n" "$v" "${med[$v]}"
  fi
done
echo "   (ratio = variant time / autorc time: > 1 means autorc is faster)"
