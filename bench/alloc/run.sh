#!/usr/bin/env bash
# bench/alloc: small-object churn through autorc's pools against glibc malloc,
# mimalloc and jemalloc, all built and run here in one invocation. Prints the
# median of RUNS runs per allocator and the speed ratio of autorc against each
# (ratio > 1 = autorc faster).
#   bench/alloc/run.sh [steps] [runs]    (needs: scripts/setup.sh --bench)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
steps=${1:-20000000}; runs=${2:-5}
out="$root/bench/out/alloc"; mkdir -p "$out"
cc=${CC:-clang}
lib="$root/build/bench/runtime/libautorc.a"
[[ -f $root/build/bench/CMakeCache.txt ]] || cmake -S "$root" -B "$root/build/bench" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build/bench" --target autorc_static -j2 >/dev/null
flags=(-O2 -DNDEBUG -I"$root/runtime/include")
variants=()
build() { # name, extra args...
  local name=$1; shift
  if "$cc" "${flags[@]}" "$root/bench/alloc/churn.c" -o "$out/churn-$name" "$@" 2>"$out/$name.err"; then
    variants+=("$name")
  else
    echo "($name: not built — peer missing? $(head -1 "$out/$name.err"))"
  fi
}
build glibc -DUSE_GLIBC
build mimalloc -DUSE_MIMALLOC -lmimalloc
build jemalloc -DUSE_JEMALLOC -ljemalloc
build autorc-pool -DUSE_POOL "$lib"
build glibc-calloc -DUSE_GLIBC_CALLOC
build autorc-objects -DUSE_OBJECTS "$lib"

declare -A times
for ((r = 0; r < runs; r++)); do          # interleave variants so drift hits all alike
  for v in "${variants[@]}"; do
    read -r t sum < <("$out/churn-$v" "$steps")
    times[$v]+="$t "
    sums[$r]=$sum
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
declare -A med
printf "%-16s %10s   (median of %d runs, %d steps, sizes 16-256 B)\n" allocator seconds "$runs" "$steps"
for v in "${variants[@]}"; do
  med[$v]=$(echo "${times[$v]}" | median)
  printf "%-16s %10.3f\n" "$v" "${med[$v]}"
done
echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", b / a}'; }
if [[ -n ${med[autorc-pool]:-} ]]; then
  for peer in glibc mimalloc jemalloc; do
    [[ -n ${med[$peer]:-} ]] && echo "autorc pools vs $peer: $(ratio "${med[autorc-pool]}" "${med[$peer]}") faster"
  done
fi
if [[ -n ${med[autorc-objects]:-} && -n ${med[glibc-calloc]:-} ]]; then
  echo "autorc objects (rc_new+rc_decref) vs glibc calloc+free: $(ratio "${med[autorc-objects]}" "${med[glibc-calloc]}") faster"
fi
