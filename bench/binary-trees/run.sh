#!/usr/bin/env bash
# binary-trees: autorc (plugin-inserted counting, pooled allocator; also
# with -fplugin-arg-autorc-no-elide) against the hand-written malloc/free
# version on glibc and on mimalloc (issue 7's reference), all -O2, built and
# run in the same invocation. Checks the outputs are identical, then runs the
# programs interleaved and reports the median wall time, the median CPU time
# (user + sys: less sensitive to other jobs on the machine) and the median
# peak RSS of each, and autorc's ratios.
#   bench/binary-trees/run.sh [depth=18] [runs=5]
#   BUILD=<cmake build dir with bin/autorc-cc> (default: build)
#   OUT=<directory for binaries and outputs> (default: bench/out/binary-trees)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD:-$root/build}
depth=${1:-18}
runs=${2:-5}
cc=$build/bin/autorc-cc
[[ -x $cc ]] || { echo "run.sh: $cc not found: build the project first (or set BUILD=)" >&2; exit 2; }
plain=$(sed -n "s/^clang=\${AUTORC_CLANG:-\(.*\)}$/\1/p" "$cc")
out=${OUT:-$root/bench/out/binary-trees}
mkdir -p "$out"
"$cc" -O2 "$here/bt_autorc.c" -o "$out/bt_autorc"
"$cc" -O2 -fplugin-arg-autorc-no-elide "$here/bt_autorc.c" -o "$out/bt_autorc_naive"
"$plain" -O2 "$here/bt_malloc.c" -o "$out/bt_malloc"
progs=(bt_autorc bt_autorc_naive bt_malloc)
names=("autorc (plugin, pool)" "autorc no-elide" "malloc/free glibc")
if "$plain" -O2 -DUSE_MIMALLOC "$here/bt_malloc.c" -lmimalloc -o "$out/bt_mimalloc" 2>/dev/null; then
  progs+=(bt_mimalloc); names+=("malloc/free mimalloc")
else
  echo "(mimalloc not installed: no mimalloc variant)"
fi

"$out/bt_malloc" "$depth" > "$out/bt_malloc.txt"
for p in "${progs[@]}"; do
  "$out/$p" "$depth" > "$out/$p.txt"
  if ! cmp -s "$out/$p.txt" "$out/bt_malloc.txt"; then
    echo "outputs differ ($p):"; diff "$out/$p.txt" "$out/bt_malloc.txt"; exit 1
  fi
done
echo "outputs identical (depth $depth)"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
once() { { /usr/bin/time -f "%e %U %S %M" "$1" "$depth" > /dev/null; } 2>&1 | tail -1; }
# Interleave the programs' runs so machine noise hits all alike.
declare -A wall cpu rss
for ((i = 0; i < runs; i++)); do
  for p in "${progs[@]}"; do
    read -r e u s k < <(once "$out/$p")
    wall[$p]+="$e "; cpu[$p]+="$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}') "; rss[$p]+="$k "
  done
done
declare -A mw mc mr
for p in "${progs[@]}"; do
  mw[$p]=$(tr ' ' '\n' <<< "${wall[$p]}" | grep -v '^$' | median)
  mc[$p]=$(tr ' ' '\n' <<< "${cpu[$p]}" | grep -v '^$' | median)
  mr[$p]=$(tr ' ' '\n' <<< "${rss[$p]}" | grep -v '^$' | median)
done
echo "runs: $runs each, depth $depth (medians)"
printf '%-24s %9s %9s %13s\n' program "wall s" "cpu s" "peak RSS KiB"
for i in "${!progs[@]}"; do
  p=${progs[$i]}
  printf '%-24s %9s %9s %13s\n' "${names[$i]}" "${mw[$p]}" "${mc[$p]}" "${mr[$p]}"
done
for ref in bt_malloc bt_mimalloc; do
  [[ -n ${mw[$ref]:-} ]] || continue
  awk -v n="${ref#bt_}" -v a="${mw[bt_autorc]}" -v m="${mw[$ref]}" -v ca="${mc[bt_autorc]}" -v cm="${mc[$ref]}" \
    -v ra="${mr[bt_autorc]}" -v rm="${mr[$ref]}" \
    'BEGIN { printf "autorc / hand %s: wall %.2fx, cpu %.2fx, peak RSS %.2fx\n", n, a/m, ca/cm, ra/rm }'
done
