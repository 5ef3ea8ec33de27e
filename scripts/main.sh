#!/usr/bin/env bash
# The main job: install what is missing, build everything (runtime, plugin,
# driver) in build/, compile the seed's reference-count example with
# autorc-cc and run it. Without the plugin it runs the by-hand runtime example.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
cmake -S "$root" -B "$root/build" ${AUTORC_LLVM_VERSION:+-DAUTORC_LLVM_VERSION=$AUTORC_LLVM_VERSION} >/dev/null
cmake --build "$root/build" -j"$(nproc)" >/dev/null
mkdir -p "$root/build/examples"
if [[ -x $root/build/bin/autorc-cc && -f $root/examples/refcount/refcount.c ]]; then
  echo "== examples/refcount/refcount.c, built with build/bin/autorc-cc"
  "$root/build/bin/autorc-cc" -O2 "$root/examples/refcount/refcount.c" -o "$root/build/examples/refcount"
  "$root/build/examples/refcount"
else
  echo "== examples/runtime/refcount_by_hand.c (plugin not built)"
  cc -O2 -I"$root/runtime/include" "$root/examples/runtime/refcount_by_hand.c" \
     "$root/build/runtime/libautorc.a" -o "$root/build/examples/refcount_by_hand"
  "$root/build/examples/refcount_by_hand"
fi
