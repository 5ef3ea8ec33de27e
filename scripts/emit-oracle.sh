#!/usr/bin/env bash
# The emitter's regression oracle: the rewritten text (emit=) and the plan
# dump of every tests/**/*.c file and of N fuzz programs, written to OUT
# (one .c file and one .plan file per input). Run it with the build before
# and after a change to the plugin and diff the two directories: a change
# that must not alter the output (a refactoring of the emitter) leaves
# them byte-identical.
#   scripts/emit-oracle.sh BUILD_DIR OUT_DIR [--fuzz N] [--seed S] [--extra FLAG]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd); out=$2; shift 2
fuzz=300; seed=oracle; extra=
while (($#)); do
  case "$1" in
    --fuzz) fuzz=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --extra) extra="$extra $2"; shift 2 ;;
    *) echo "emit-oracle.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
clang=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
mkdir -p "$out/tests" "$out/fuzz"
one() { # input output-stem
  "$clang" -fsyntax-only -fplugin="$build/plugin/autorc.so" -I"$root/runtime/include" \
    -I"$root/tests/Inputs" -I"$(dirname "$1")" -fplugin-arg-autorc-emit="$2.c" \
    -fplugin-arg-autorc-dump-plan $extra "$1" >"$2.plan" 2>&1
}
cd "$root"
find tests -name '*.c' -not -path '*/Inputs/*' | sort | while read -r f; do
  one "$root/$f" "$out/tests/$(echo "$f" | tr / _)"
done
for ((i = 0; i < fuzz; i++)); do
  python3 tests/fuzz/gen.py --seed "$seed" --first "$i" --programs 1 \
    --c "$out/fuzz/p$i.in.c" --expect /dev/null
  one "$out/fuzz/p$i.in.c" "$out/fuzz/p$i"
done
echo "emit-oracle: $(find tests -name '*.c' -not -path '*/Inputs/*' | wc -l) test files, $fuzz fuzz programs -> $out"
