#!/usr/bin/env bash
# RC-op elision and acyclic inference: dynamic RC operations (increfs +
# decrefs, from a stats build: AUTORC_STATS, AUTORC_OPCOUNTS=1) and median
# times of the Perceus programs and binary-trees, compiled with the plugin's
# elision (default) and in its naive mode (-fplugin-arg-autorc-no-elide),
# built and run in the same invocation; outputs must be identical.
#   bench/elision/run.sh [runs=3] [quick]
#   BUILD=<build dir with plugin/autorc.so and bin/autorc-cc> (default: build)
#   STATS_BUILD=<build dir configured with -DAUTORC_STATS=ON> (default: $BUILD-stats)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD:-$root/build}
stats=${STATS_BUILD:-$build-stats}
runs=${1:-3}
quick=${2:-}
cc=$build/bin/autorc-cc
plugin=$build/plugin/autorc.so
slib=$stats/runtime/libautorc.a
for f in "$cc" "$plugin" "$slib"; do
  [[ -e $f ]] || { echo "run.sh: $f not found (build both trees first)" >&2; exit 2; }
done
clang=$(sed -n "s/^clang=\${AUTORC_CLANG:-\(.*\)}$/\1/p" "$cc")
out=$root/bench/out/elision
mkdir -p "$out"
if [[ $quick == quick ]]; then
  progs="rbtree:100000 deriv:7 nqueens:10 cfold:16 bt:16"
else
  progs="rbtree:1000000 deriv:9 nqueens:12 cfold:20 bt:19"
fi
src() { [[ $1 == bt ]] && echo "$root/bench/binary-trees/bt_autorc.c" || echo "$root/bench/perceus/$1.c"; }
ops() { AUTORC_OPCOUNTS=1 "$@" 2>&1 >/dev/null | sed -n 's/.*increfs=\([0-9]*\) decrefs=\([0-9]*\) allocated=\([0-9]*\).*/\1 \2 \3/p'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-16s %14s %14s %8s %10s %10s %7s\n' program "RC ops naive" "RC ops elided" "fewer" "s naive" "s elided" ratio
for p in $progs; do
  name=${p%%:*}; n=${p#*:}; s=$(src "$name")
  for mode in naive elided; do
    flag=; [[ $mode == naive ]] && flag=-fplugin-arg-autorc-no-elide
    "$cc" -O2 $flag "$s" -o "$out/$name-$mode"
    "$clang" -O2 -DAUTORC_STATS -fplugin="$plugin" $flag -I"$root/runtime/include" "$s" "$slib" -o "$out/$name-$mode-stats"
    "$out/$name-$mode" "$n" > "$out/$name-$mode.txt"
  done
  cmp -s "$out/$name-naive.txt" "$out/$name-elided.txt" || { echo "$name: outputs differ" >&2; exit 1; }
  read -r ni nd na < <(ops "$out/$name-naive-stats" "$n")
  read -r ei ed ea < <(ops "$out/$name-elided-stats" "$n")
  tn=(); te=()
  for ((r = 0; r < runs; r++)); do   # interleaved
    for mode in naive elided; do
      t0=$(date +%s.%N); "$out/$name-$mode" "$n" > /dev/null; t1=$(date +%s.%N)
      t=$(echo "$t1 - $t0" | bc)
      [[ $mode == naive ]] && tn+=("$t") || te+=("$t")
    done
  done
  mn=$(printf '%s\n' "${tn[@]}" | median); me=$(printf '%s\n' "${te[@]}" | median)
  on=$((ni + nd)); oe=$((ei + ed))
  printf '%-16s %14d %14d %7.1f%% %10.3f %10.3f %7.2f\n' "$name($n)" "$on" "$oe" \
    "$(echo "100 * ($on - $oe) / $on" | bc -l)" "$mn" "$me" "$(echo "$me / $mn" | bc -l)"
done
