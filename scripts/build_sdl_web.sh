#!/usr/bin/env bash
# Builds SDL2 for the web (Emscripten) from the Debian source package and installs it
# into the cache folder, keyed by SDL and Emscripten version. Emscripten's own SDL port
# cannot work offline (see docs/toolchain.md), hence this step.
# Configure takes ~3 min (hundreds of try-compiles), so the result is cached and this
# script returns at once when the install prefix is already there.
#
# Usage: scripts/build_sdl_web.sh            (prints the SDL2_DIR for CMake on the last line)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/common.sh
. "$here/scripts/common.sh"

sdl_src="$(find_source libsdl2)" || die "SDL2 source package not found in $MLP_CACHE/src; run scripts/install_deps.sh"
prefix="$(sdl_web_prefix "$sdl_src")"
if [ -f "$prefix/lib/cmake/SDL2/SDL2Config.cmake" ] && [ -f "$prefix/lib/libSDL2.a" ]; then
  echo "$prefix/lib/cmake/SDL2"
  exit 0
fi

log "building SDL2 for the web from $(basename "$sdl_src") (one time: ~4-6 min on an idle 2-core machine; cached in $prefix)"
work="$prefix.tmp"
rm -rf "$work"
mkdir -p "$work"
start=$SECONDS
(
  cd "$work"
  emcmake cmake -S "$sdl_src" -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$work/install" \
    > configure.log 2>&1 || { tail -n 40 configure.log >&2; exit 1; }
  cmake --build build -j "$MLP_JOBS" > build.log 2>&1 || { tail -n 40 build.log >&2; exit 1; }
  cmake --install build > install.log 2>&1 || { tail -n 40 install.log >&2; exit 1; }
) || die "SDL2 web build failed (logs in $work)"
rm -rf "$prefix"
mv "$work/install" "$prefix"   # atomic-ish: an interrupted build never leaves a half prefix
rm -rf "$work"
log "SDL2 web build done in $((SECONDS - start)) s"
echo "$prefix/lib/cmake/SDL2"
