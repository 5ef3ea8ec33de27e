#!/usr/bin/env bash
# The differential fuzzer's long run (tests/fuzz/README.md): N generated
# programs, each compiled with the autorc plugin and run in pool and debug
# mode and, built with ASan+UBSan against the sanitizer build of the
# runtime, in malloc mode; every output is compared with the model's.
# Failing programs are reduced and saved with expected and actual output.
#   scripts/fuzz.sh [--programs N] [--seed S] [--llvm V] [--jobs J]
#                   [--batch B] [--disable F,..] [--out DIR] [--no-asan]
#                   [--build DIR]
# Builds build/fuzz-llvmV (plugin, runtime; or uses --build DIR, an existing
# build tree of this checkout) and build/fuzz-llvmV-asan (the runtime only)
# if needed. Exit status 0 only if every program matched.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
programs=10000; seed=long; llvm=19; jobs=2; batch=50; disable=; out=$root/build/fuzz-failures; asan=1; bdir=
while (($#)); do
  case "$1" in
    --programs) programs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --llvm) llvm=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --batch) batch=$2; shift 2 ;;
    --disable) disable=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-asan) asan=0; shift ;;
    --build) bdir=$(cd "$2" && pwd); shift 2 ;;
    *) echo "fuzz.sh: unknown argument '$1' (see the comment at the top)" >&2; exit 2 ;;
  esac
done
clang=/usr/lib/llvm-$llvm/bin/clang
adir=$root/build/fuzz-llvm$llvm-asan
[[ -n $bdir ]] || bdir=$root/build/fuzz-llvm$llvm
configure() { # dir sanitize target...
  local dir=$1 san=$2; shift 2
  { [[ -f $dir/CMakeCache.txt ]] || cmake -S "$root" -B "$dir" -DAUTORC_LLVM_VERSION="$llvm" -DAUTORC_SANITIZE="$san" \
      -DCMAKE_C_COMPILER="$clang" -DCMAKE_CXX_COMPILER="$clang++" >/dev/null; } &&
    cmake --build "$dir" -j"$jobs" --target "$@" >"$dir.log" 2>&1 ||
    { tail -30 "$dir.log"; echo "fuzz.sh: build failed: $dir.log" >&2; exit 1; }
}
configure "$bdir" OFF autorc_plugin autorc_static
# bin/autorc-cc is generated at configure time.
cc=("--cc" "$bdir/bin/autorc-cc" "--modes" "pool,debug")
if ((asan)); then
  configure "$adir" ON autorc_static
  san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
  cc+=("--cc" "$clang -fplugin=$bdir/plugin/autorc.so -I$root/runtime/include $san {src} $adir/runtime/libautorc.a"
       "--modes" "malloc")
fi
exec python3 "$root/tests/fuzz/run.py" "${cc[@]}" --seed "$seed" --programs "$programs" \
  --batch "$batch" --jobs "$jobs" ${disable:+--disable "$disable"} --failures "$out" --reduce
