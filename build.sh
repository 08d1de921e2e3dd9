#!/usr/bin/env bash
# Build, test and serve mlp-playground. Installs missing dependencies first (Debian
# packages, Debian source packages of imgui and libsdl2, npm packages), caches the slow
# SDL2 web build outside the repo ($MLP_CACHE, default ~/.cache/mlp-playground).
#
#   ./build.sh [serve [port]]  build native + web, then serve the page on 127.0.0.1 (default)
#   ./build.sh test            build all; layer check, unit tests (also under ASan+UBSan), fuzz targets
#                              20 s each, browser tests
#   ./build.sh fuzz [SECONDS]  build the libFuzzer targets (build/fuzz, clang) and run each for SECONDS
#                              (default 60) on a copy of tests/fuzz/corpus; fails if one finds a crash
#   ./build.sh native          native build only (build/native: mlp, mlp_tests, playground, benchmarks)
#   ./build.sh web             web build only (build/web: playground.html/.js/.wasm/.data)
#   ./build.sh dist            web build, then dist/: the page as one folder to publish on any static
#                              web server, under any sub-path, offline after the first visit
#   ./build.sh deps            install dependencies only
#   ./build.sh clean           remove build/native, build/web, build/sanitize, build/fuzz, build/screenshots
# Environment: MLP_CACHE (cache folder), MLP_JOBS (parallel jobs, default 2), PORT (serve).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
repo="$(pwd)"
# shellcheck source=scripts/common.sh
. scripts/common.sh

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }

# step NAME FUNCTION...: runs a step, reporting its time; returns its status.
# (Functions run as steps stop at their first failure through `|| die`/`|| return`,
# since `set -e` does not apply inside a command whose status is tested.)
step() {
  local name="$1" start=$SECONDS rc=0
  shift
  MLP_STEP="$name" log "start"
  "$@" || rc=$?
  if [ $rc = 0 ]; then
    MLP_STEP="$name" log "done in $((SECONDS - start)) s"
  else
    MLP_STEP="$name" log "FAILED after $((SECONDS - start)) s"
  fi
  return $rc
}

deps() { bash scripts/install_deps.sh || die "installing dependencies failed"; }

imgui_dir() { find_source imgui || die "imgui sources missing in $MLP_CACHE/src (run ./build.sh deps)"; }

# build_preset NAME: configures and builds one of the native-compiler presets (native,
# sanitize, fuzz) of CMakePresets.json.
build_preset() {
  local imgui
  imgui="$(imgui_dir)" || exit 1
  cmake --preset "$1" -DIMGUI_DIR="$imgui" >/dev/null || die "cmake configure ($1) failed"
  cmake --build --preset "$1" -j "$MLP_JOBS" || die "$1 build failed"
}

build_native() { build_preset native; }

build_web() {
  local imgui sdl2_dir
  imgui="$(imgui_dir)" || exit 1
  sdl2_dir="$(MLP_STEP=sdl2-web bash scripts/build_sdl_web.sh | tail -n 1)" || die "SDL2 web build failed"
  [ -f "$sdl2_dir/SDL2Config.cmake" ] || die "web SDL2 build missing ($sdl2_dir)"
  cmake --preset web -DIMGUI_DIR="$imgui" -DSDL2_DIR="$sdl2_dir" >/dev/null || die "cmake configure (web) failed"
  cmake --build --preset web -j "$MLP_JOBS" || die "web build failed"
  web_sizes
}

# Size of what a browser downloads (raw and gzip).
web_sizes() {
  local f
  for f in build/web/playground.wasm build/web/playground.js build/web/playground.data; do
    [ -f "$f" ] && MLP_STEP=web log "$(printf '%-28s %8d bytes, %8d gzip' "$f" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)")"
  done
  return 0
}

# The web unit tests (the core compiled to wasm) are outside the default web build, so
# `./build.sh` stays quick.
build_web_tests() {
  cmake --build --preset web --target mlp_tests_web -j "$MLP_JOBS" || die "web build of mlp_tests_web failed"
}

# The native unit tests under AddressSanitizer + UndefinedBehaviorSanitizer: the `sanitize`
# preset (build/sanitize) builds the libraries and mlp_tests with -fsanitize=address,undefined.
build_sanitize() { build_preset sanitize; }

sanitized_unit_tests() { ctest --preset sanitize; }

# The libFuzzer targets of tests/fuzz (one per parser of untrusted bytes): the `fuzz` preset
# (build/fuzz, clang) builds them and the libraries with -fsanitize=fuzzer,address,undefined.
build_fuzz() { build_preset fuzz; }

# fuzz_one TARGET SECONDS: runs one target on its working corpus build/fuzz/corpus/TARGET (a
# copy of the seeds in tests/fuzz/corpus/TARGET, where libFuzzer adds new inputs), crashes into
# build/fuzz/crashes/TARGET/, the whole output into build/fuzz/logs/TARGET.log. Prints
# libFuzzer's final line (executions, coverage, corpus); fails on a crash.
fuzz_one() {
  local target="$1" seconds="$2" rc=0 work="build/fuzz/corpus/$1" crashes="build/fuzz/crashes/$1/"
  local log_file="build/fuzz/logs/$1.log"
  mkdir -p "$work" "$crashes" build/fuzz/logs
  if ! cp -n "tests/fuzz/corpus/$target"/* "$work"/ 2>/dev/null; then
    MLP_STEP="fuzz $target" log "no seed corpus in tests/fuzz/corpus/$target"
    return 1
  fi
  "build/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$crashes" "$work" >"$log_file" 2>&1 || rc=$?
  MLP_STEP="fuzz $target" log "$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log_file" | tail -n 1 || true)"
  MLP_STEP="fuzz $target" log "$(grep -E '^stat::number_of_executed_units' "$log_file" || true)"
  if [ $rc != 0 ]; then
    MLP_STEP="fuzz $target" log "CRASH (exit $rc): see $log_file and $crashes"
    grep -E 'ERROR: |SUMMARY: |runtime error|Test unit written' "$log_file" | head -n 5 >&2 || true
  fi
  return $rc
}

# run_fuzz SECONDS: every target in turn, SECONDS each; fails if any found a crash.
run_fuzz() {
  local seconds="${1:-60}" src target failed=()
  [[ "$seconds" =~ ^[0-9]+$ ]] || die "fuzz: SECONDS must be a whole number (got '$seconds')"
  for src in tests/fuzz/*.cpp; do
    target="$(basename "$src" .cpp)"
    [ -x "build/fuzz/$target" ] || die "build/fuzz/$target missing (build it with ./build.sh fuzz)"
    fuzz_one "$target" "$seconds" || failed+=("$target")
  done
  if [ ${#failed[@]} -gt 0 ]; then
    MLP_STEP=fuzz log "FAILED (a crash, or see above): ${failed[*]}"
    return 1
  fi
  MLP_STEP=fuzz log "no crash in ${seconds} s per target"
}

# Native unit tests, then the web unit tests (mlp_tests_web under node).
unit_tests() {
  local rc=0
  ctest --preset native || rc=$?
  ctest --test-dir build/web --output-on-failure || rc=$?
  return $rc
}

# dist/: the web build assembled into the folder to publish (README: Publishing the page).
make_dist() { MLP_STEP=dist bash scripts/make_dist.sh build/web dist; }

browser_tests() {
  node --test tests/browser/*.test.mjs
}

run_tests() {
  local failed=()
  step layers bash scripts/check_layers.sh || failed+=("layer check (scripts/check_layers.sh)")
  step unit-tests unit_tests || failed+=("unit tests (ctest)")
  step sanitized-unit-tests sanitized_unit_tests || failed+=("unit tests under ASan + UBSan (ctest --preset sanitize)")
  step fuzz-short run_fuzz 20 || failed+=("fuzz targets, 20 s each (./build.sh fuzz 20)")
  step browser-tests browser_tests || failed+=("browser tests (node --test tests/browser)")
  if [ ${#failed[@]} -gt 0 ]; then
    MLP_STEP=test die "FAILED: ${failed[*]}"
  fi
  MLP_STEP=test log "all tests passed"
}

serve() {
  local port="${1:-${PORT:-8080}}"
  MLP_STEP=serve log "native desktop app: build/native/playground   command-line tool: build/native/mlp"
  exec node scripts/serve.mjs build/web "$port"
}

total_start=$SECONDS
cmd="${1:-serve}"
case "$cmd" in
  serve)  step deps deps; step native build_native; step web build_web; serve "${2:-}" ;;
  test)   step deps deps; step native build_native; step web build_web; step dist make_dist
          step web-tests build_web_tests; step sanitize build_sanitize; step fuzz build_fuzz; run_tests ;;
  fuzz)   step deps deps; step fuzz build_fuzz; step fuzz-run run_fuzz "${2:-60}" ;;
  native) step deps deps; step native build_native ;;
  web)    step deps deps; step web build_web ;;
  dist)   step deps deps; step web build_web; step dist make_dist ;;
  deps)   step deps deps ;;
  clean)  rm -rf build/native build/web build/sanitize build/fuzz build/screenshots
          log "removed build/native, build/web, build/sanitize, build/fuzz, build/screenshots" ;;
  -h|--help|help) usage; exit 0 ;;
  *) usage >&2; die "unknown command '$cmd'" ;;
esac
log "finished '$cmd' in $((SECONDS - total_start)) s"
