#!/usr/bin/env bash
# bench/tracemalloc: the cost of tracing on binary-trees. Builds
# binary_trees.c (node type from RC_TYPE_DEFINE, so tracked by the
# collector, and an RC_TYPE_ACYCLIC variant), runs each untraced and with
# AUTORC_TRACEMALLOC=1, interleaved, RUNS times; prints medians and the
# traced/untraced ratio (target: at most 1.5x; CPython's tracemalloc costs
# about 3.3x). Outputs of traced and untraced runs must be identical.
#   bench/tracemalloc/run.sh [depth] [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
depth=${1:-18}; runs=${2:-5}
out="$root/bench/out/tracemalloc"; mkdir -p "$out"
cc=${CC:-clang}
lib=${AUTORC_LIB:-"$root/build/bench/runtime/libautorc.a"}
if [[ -z ${AUTORC_LIB:-} ]]; then
  [[ -f $root/build/bench/CMakeCache.txt ]] || cmake -S "$root" -B "$root/build/bench" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$root/build/bench" --target autorc_static -j2 >/dev/null
fi
flags=(-O2 -DNDEBUG -I"$root/runtime/include")
"$cc" "${flags[@]}" "$root/bench/tracemalloc/binary_trees.c" "$lib" -o "$out/bt"
"$cc" "${flags[@]}" -DACYCLIC "$root/bench/tracemalloc/binary_trees.c" "$lib" -o "$out/bt-acyclic"

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for prog in bt bt-acyclic; do
  declare -A times=()
  for ((r = 0; r < runs; r++)); do
    for mode in untraced traced; do
      if [[ $mode == traced ]]; then
        AUTORC_TRACEMALLOC=1 "$out/$prog" "$depth" >"$out/$prog-$mode.out" 2>"$out/$prog-$mode.err"
      else
        env -u AUTORC_TRACEMALLOC "$out/$prog" "$depth" >"$out/$prog-$mode.out" 2>"$out/$prog-$mode.err"
      fi
      times[$mode]+="$(awk '/^time/ {print $2}' "$out/$prog-$mode.err") "
    done
  done
  cmp -s "$out/$prog-untraced.out" "$out/$prog-traced.out" || { echo "$prog: outputs differ" >&2; exit 1; }
  u=$(echo "${times[untraced]}" | median); t=$(echo "${times[traced]}" | median)
  peak=$(awk '/^time/ {print $4}' "$out/$prog-traced.err")
  echo "== binary-trees depth $depth ($prog): median of $runs runs"
  printf "   untraced                 %8.3f s\n" "$u"
  printf "   AUTORC_TRACEMALLOC=1     %8.3f s   (traced peak %s B)\n" "$t" "$peak"
  awk -v u="$u" -v t="$t" 'BEGIN {printf "   tracing cost: %.2fx the untraced run (target <= 1.5x)\n", t / u}'
  unset times
done
