#!/usr/bin/env bash
# bench/dict: rc_dict against CPython's dict and glib's GHashTable on the
# same operations (dict_autorc.c explains the phases), N keys. Builds and
# runs, interleaved, in one invocation:
#   autorc   rc_dict through the runtime API (libautorc.a, -O2)
#   glib     GHashTable (Debian's libglib2.0-dev, -O2)
#   cpython  python3's dict
# Prints per phase the median of RUNS runs (seconds, timed inside each
# program, CPU time) and each peer's ratio to autorc (> 1 = autorc faster), then the
# container's bytes per entry (keys and values excluded). A missing peer is
# reported, not fatal.
#   bench/dict/run.sh [n] [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-1000000}; runs=${2:-5}
out="$root/bench/out/dict"; mkdir -p "$out"
build=${AUTORC_BUILD:-"$root/build/bench"}
if [[ -z ${AUTORC_BUILD:-} ]]; then
  [[ -f $build/CMakeCache.txt ]] || cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target autorc_static >/dev/null
fi
cc=${CC:-clang}
src="$root/bench/dict"
variants=()
try() { # name, command...
  local name=$1; shift
  if "$@" >"$out/$name.log" 2>&1; then variants+=("$name"); else echo "($name: not built — $(grep -m1 -i error "$out/$name.log" || head -1 "$out/$name.log"))"; fi
}
try autorc "$cc" -O2 -DNDEBUG -I"$root/runtime/include" "$src/dict_autorc.c" "$build/runtime/libautorc.a" -o "$out/autorc"
if pkg-config --exists glib-2.0; then
  # shellcheck disable=SC2046
  try glib "$cc" -O2 -DNDEBUG $(pkg-config --cflags glib-2.0) "$src/dict_glib.c" $(pkg-config --libs glib-2.0) -o "$out/glib"
else echo "(glib: libglib2.0-dev not installed)"; fi
if command -v python3 >/dev/null; then
  printf '#!/bin/sh\nexec python3 %q "$@"\n' "$src/dict.py" >"$out/cpython"; chmod +x "$out/cpython"; variants+=(cpython)
else echo "(cpython: python3 not installed)"; fi

phases="str_insert str_hit str_miss str_del iter obj_insert obj_hit"
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
declare -A times bpe sums
for ((r = 0; r < runs; r++)); do   # interleave the variants so load drift hits all alike
  for v in "${variants[@]}"; do
    while read -r key value; do
      case $key in
        bytes_per_entry) bpe[$v]=$value ;;
        checksum) sums[$v]=$value ;;
        *) times[$v:$key]+="$value " ;;
      esac
    done < <("$out/$v" "$n")
  done
done
echo "== bench/dict: $n keys, median of $runs runs (seconds; ratio = peer / autorc, > 1 = autorc faster)"
printf "   %-11s" phase; for v in "${variants[@]}"; do printf " %10s" "$v"; done
for v in "${variants[@]}"; do [[ $v == autorc ]] || printf " %9s" "$v/autorc"; done; echo
for p in $phases total; do
  printf "   %-11s" "$p"
  declare -A m=()
  for v in "${variants[@]}"; do
    if [[ $p == total ]]; then
      m[$v]=0; for q in $phases; do m[$v]=$(awk -v a="${m[$v]}" -v b="$(echo "${times[$v:$q]}" | median)" 'BEGIN {print a + b}'); done
    else m[$v]=$(echo "${times[$v:$p]}" | median); fi
    printf " %10.4f" "${m[$v]}"
  done
  for v in "${variants[@]}"; do
    [[ $v == autorc ]] || printf " %8.2fx" "$(awk -v a="${m[autorc]}" -v b="${m[$v]}" 'BEGIN {print b / a}')"
  done
  echo
done
printf "   %-11s" "bytes/entry"; for v in "${variants[@]}"; do printf " %10s" "${bpe[$v]}"; done; echo
printf "   %-11s" "checksum"; for v in "${variants[@]}"; do printf " %10s" "${sums[$v]}"; done; echo
