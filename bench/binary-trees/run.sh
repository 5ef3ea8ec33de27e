#!/usr/bin/env bash
# binary-trees: autorc (plugin-inserted counting, pooled allocator; also
# with -fplugin-arg-autorc-no-elide) against the hand-written malloc/free
# version, all -O2, built and run in the same invocation. Checks the outputs are identical, then reports the median wall
# time and median peak RSS of several runs of each, and the ratio.
#   bench/binary-trees/run.sh [depth=18] [runs=5]
#   BUILD=<cmake build dir with bin/autorc-cc> (default: build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD:-$root/build}
depth=${1:-18}
runs=${2:-5}
cc=$build/bin/autorc-cc
[[ -x $cc ]] || { echo "run.sh: $cc not found: build the project first (or set BUILD=)" >&2; exit 2; }
plain=$(sed -n "s/^clang=\${AUTORC_CLANG:-\(.*\)}$/\1/p" "$cc")
out=$root/bench/out/binary-trees
mkdir -p "$out"
"$cc" -O2 "$here/bt_autorc.c" -o "$out/bt_autorc"
"$cc" -O2 -fplugin-arg-autorc-no-elide "$here/bt_autorc.c" -o "$out/bt_autorc_naive"
"$plain" -O2 "$here/bt_malloc.c" -o "$out/bt_malloc"

"$out/bt_autorc" "$depth" > "$out/autorc.txt"
"$out/bt_malloc" "$depth" > "$out/malloc.txt"
"$out/bt_autorc_naive" "$depth" > "$out/autorc_naive.txt"
if ! cmp -s "$out/autorc.txt" "$out/malloc.txt" || ! cmp -s "$out/autorc_naive.txt" "$out/malloc.txt"; then
  echo "outputs differ:"; diff "$out/autorc.txt" "$out/malloc.txt"; exit 1
fi
echo "outputs identical (depth $depth)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
once() { { /usr/bin/time -f "%e %M" "$1" "$depth" > /dev/null; } 2>&1 | tail -1; }
# Interleave the two programs' runs so machine noise hits both alike.
ta_l=(); ma_l=(); tm_l=(); mm_l=(); tn_l=(); mn_l=()
for ((i = 0; i < runs; i++)); do
  read -r s k < <(once "$out/bt_autorc"); ta_l+=("$s"); ma_l+=("$k")
  read -r s k < <(once "$out/bt_malloc"); tm_l+=("$s"); mm_l+=("$k")
  read -r s k < <(once "$out/bt_autorc_naive"); tn_l+=("$s"); mn_l+=("$k")
done
ta=$(printf '%s\n' "${ta_l[@]}" | median); ma=$(printf '%s\n' "${ma_l[@]}" | median)
tm=$(printf '%s\n' "${tm_l[@]}" | median); mm=$(printf '%s\n' "${mm_l[@]}" | median)
tn=$(printf '%s\n' "${tn_l[@]}" | median); mn=$(printf '%s\n' "${mn_l[@]}" | median)
echo "runs: $runs each, depth $depth"
printf '%-22s %10s %14s\n' program "median s" "peak RSS KiB"
printf '%-22s %10s %14s\n' "autorc (plugin, pool)" "$ta" "$ma"
printf '%-22s %10s %14s\n' "autorc no-elide" "$tn" "$mn"
printf '%-22s %10s %14s\n' "malloc/free by hand" "$tm" "$mm"
awk -v a="$ta" -v m="$tm" -v ra="$ma" -v rm="$mm" \
  'BEGIN { printf "time ratio autorc/malloc %.2f, peak RSS ratio %.2f\n", a/m, ra/rm }'
