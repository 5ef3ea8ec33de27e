#!/usr/bin/env bash
# binary-trees: autorc (plugin-inserted counting, pooled allocator; the
# node RC_ACYCLIC, also with -fplugin-arg-autorc-no-elide, and the node as
# users write it, bt_autorc_plain.c) against the hand-written malloc/free
# version on glibc and on mimalloc built with clang and with gcc (issue 14's
# reference: the faster of the two), all -O2, built and run in the same
# invocation. Checks the outputs are identical, then runs the programs
# interleaved and reports the median wall time, the median CPU time (user +
# sys: less sensitive to other jobs on the machine) and the median peak RSS
# of each, and autorc's ratios (CPU time and peak RSS) against the hand
# versions, with the range of the per-run CPU ratios (run i against run i of
# the same round).
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
"$cc" -O2 "$here/bt_autorc_plain.c" -o "$out/bt_autorc_plain"
progs=(bt_autorc bt_autorc_naive bt_autorc_plain bt_malloc)
names=("autorc RC_ACYCLIC" "autorc RC_ACYCLIC no-elide" "autorc unannotated" "malloc/free glibc")
if "$plain" -O2 -DUSE_MIMALLOC "$here/bt_malloc.c" -lmimalloc -o "$out/bt_mimalloc" 2>/dev/null; then
  progs+=(bt_mimalloc); names+=("malloc/free mimalloc clang")
  if command -v gcc > /dev/null && gcc -O2 -DUSE_MIMALLOC "$here/bt_malloc.c" -lmimalloc -o "$out/bt_mimalloc_gcc" 2>/dev/null; then
    progs+=(bt_mimalloc_gcc); names+=("malloc/free mimalloc gcc")
  fi
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
printf '%-28s %9s %9s %13s\n' program "wall s" "cpu s" "peak RSS KiB"
for i in "${!progs[@]}"; do
  p=${progs[$i]}
  printf '%-28s %9s %9s %13s\n' "${names[$i]}" "${mw[$p]}" "${mc[$p]}" "${mr[$p]}"
done
# Per-run CPU ratios: run i of a against run i of ref (the same round).
ratios() {
  paste -d ' ' <(tr ' ' '\n' <<< "${cpu[$1]}" | grep -v '^$') <(tr ' ' '\n' <<< "${cpu[$2]}" | grep -v '^$') |
    awk '{r = $1 / $2; if (NR == 1 || r < lo) lo = r; if (NR == 1 || r > hi) hi = r} END {printf "%.2f-%.2f", lo, hi}'
}
for a in bt_autorc bt_autorc_plain; do
  for ref in bt_malloc bt_mimalloc bt_mimalloc_gcc; do
    [[ -n ${mw[$ref]:-} ]] || continue
    awk -v an="${a#bt_}" -v n="${ref#bt_}" -v a="${mw[$a]}" -v m="${mw[$ref]}" -v ca="${mc[$a]}" -v cm="${mc[$ref]}" \
      -v ra="${mr[$a]}" -v rm="${mr[$ref]}" -v rr="$(ratios "$a" "$ref")" \
      'BEGIN { printf "%s / hand %s: wall %.2fx, cpu %.2fx (runs %s), peak RSS %.2fx\n", an, n, a/m, ca/cm, rr, ra/rm }'
  done
done
