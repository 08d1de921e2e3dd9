# Shared settings for build.sh and scripts/*.sh (sourced, not run).
# MLP_CACHE: folder outside the repo for fetched Debian source packages (src/) and the
# cached SDL2 web build (sdl2-web-<sdl version>-emcc<emscripten version>/).

MLP_CACHE="${MLP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mlp-playground}"
MLP_JOBS="${MLP_JOBS:-2}"          # the build machine has 2 cores shared by everyone
export MLP_CACHE MLP_JOBS
# Emscripten links at -O1 and above need acorn; Debian ships it here (docs/toolchain.md).
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

if [ -t 2 ]; then _b=$'\033[1m' _r=$'\033[1;31m' _n=$'\033[0m'; else _b='' _r='' _n=''; fi
log() { printf '%s[%s]%s %s\n' "$_b" "${MLP_STEP:-build}" "$_n" "$*" >&2; }
die() { printf '%s[%s] error:%s %s\n' "$_r" "${MLP_STEP:-build}" "$_n" "$*" >&2; exit 1; }

# find_source PKG: prints the unpacked Debian source folder of PKG in the cache, if any.
find_source() {
  local d
  for d in "$MLP_CACHE/src/$1"-[0-9]*/; do
    [ -d "$d" ] && { printf '%s\n' "${d%/}"; return 0; }
  done
  return 1
}

# sdl_web_prefix SDL_SRC: the cache folder of the web SDL2 built from SDL_SRC.
sdl_web_prefix() {
  local ver emver
  ver="$(basename "$1")"; ver="${ver#libsdl2-}"
  emver="$(emcc -dumpversion 2>/dev/null || echo unknown)"
  printf '%s/sdl2-web-%s-emcc%s\n' "$MLP_CACHE" "$ver" "$emver"
}
