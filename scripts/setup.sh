#!/usr/bin/env bash
# Install what autorc needs on Debian 12, as root: CMake, clang/LLVM 14 and 19
# with their development files and lit/FileCheck (llvm-NN-tools), 15 and 16
# for the smaller CI suite, clangd (autorc-clangd's tests), Neovim (the editor
# recipe's test) and pkg-config (the install test). Installs only what is
# missing, so it is cheap to call again.
#   scripts/setup.sh            # build + test dependencies
#   scripts/setup.sh --bench    # also the benchmark peers (nim, Boehm GC, mimalloc, jemalloc, glib)
set -euo pipefail
pkgs=(cmake make python3 clang-14 libclang-14-dev llvm-14-dev llvm-14-tools
      clang-19 libclang-19-dev llvm-19-dev llvm-19-tools libclang-rt-14-dev libclang-rt-19-dev
      clang-tidy-14 clang-tidy-19 clangd-19 pkgconf
      clang-15 libclang-15-dev llvm-15-dev llvm-15-tools
      clang-16 libclang-16-dev llvm-16-dev llvm-16-tools libclang-rt-16-dev
      valgrind neovim)  # valgrind: scripts/valgrind.sh, pool-valgrind.c; neovim: editor-neovim-recipe.test
if [[ "${1:-}" == "--bench" ]]; then
  pkgs+=(nim libgc-dev libmimalloc-dev libjemalloc-dev libglib2.0-dev g++ time graphviz)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
