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
lib=${AUTORC_LIB:-"$root/build/bench/runtime/libautorc.a"}
if [[ -z ${AUTORC_LIB:-} ]]; then
[[ -f $root/build/bench/CMakeCache.txt ]] || cmake -S "$root" -B "$root/build/bench" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build/bench" --target autorc_static -j2 >/dev/null
fi
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

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", b / a}'; }

workload() { # name, churn arguments after steps
  local wname=$1; shift
  declare -A times med
  for ((r = 0; r < runs; r++)); do          # interleave variants so drift hits all alike
    for v in "${variants[@]}"; do
      read -r t sum < <("$out/churn-$v" "$steps" "$@")
      times[$v]+="$t "
    done
  done
  echo "== workload $wname (churn $steps $*): median of $runs runs, sizes 16-256 B"
  for v in "${variants[@]}"; do
    med[$v]=$(echo "${times[$v]}" | median)
    printf "   %-16s %8.3f s\n" "$v" "${med[$v]}"
  done
  if [[ -n ${med[autorc-pool]:-} ]]; then
    for peer in glibc mimalloc jemalloc; do
      [[ -n ${med[$peer]:-} ]] && echo "   autorc pools vs $peer: $(ratio "${med[autorc-pool]}" "${med[$peer]}") (>1 = autorc faster)"
    done
  fi
  if [[ -n ${med[autorc-objects]:-} && -n ${med[glibc-calloc]:-} ]]; then
    echo "   autorc objects (rc_new+rc_decref) vs glibc calloc+free: $(ratio "${med[autorc-objects]}" "${med[glibc-calloc]}")"
  fi
}
workload mixed 4096 50000
workload hot 256 1024
