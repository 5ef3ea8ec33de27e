#!/bin/sh
# Build cycle_dot.c, write the seed's two-object cycle as DOT and render it
# to PNG with Graphviz (Debian: apt-get install -y graphviz). README.md.
#   examples/dot/render.sh [build-dir] [out-dir]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
out=${2:-.}
cc=${CC:-clang}
command -v dot >/dev/null || { echo "render.sh: 'dot' not found: apt-get install -y graphviz" >&2; exit 1; }
mkdir -p "$out"
"$cc" -O1 -g -I"$root/runtime/include" "$here/cycle_dot.c" "$build/runtime/libautorc.a" -o "$out/cycle_dot"
"$out/cycle_dot" "$out/cycle.dot"
dot -Tpng "$out/cycle.dot" -o "$out/cycle.png"
echo "wrote $out/cycle.dot and $out/cycle.png"
