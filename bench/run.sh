#!/usr/bin/env bash
# The training-speed benchmark in one go: MNIST 784-100-10 sigmoid/softmax,
# batch 256, float32, one thread, examples per second of the training step
#   1. natively: `mlp bench` (the real Trainer<float> step),
#   2. the numpy reference: bench/numpy_reference.py (the lecture's step; Debian's numpy + OpenBLAS),
#   3. the web build of the same bench in headless Chromium (bench/web/run_web_bench.mjs),
# then the ratios against numpy, the page's download size and its time to the first frame.
#
#   bench/run.sh [--examples N] [--epochs E] [--rounds R]
#
# Each program reports the median batch (robust to other processes on a shared machine):
# natively and for numpy by CPU time and by the wall clock, in the browser by the wall clock
# only. The native ratio compares CPU times, the web ratio wall clocks. With --rounds R all
# three run R times, interleaved, and each keeps its best round.
# Environment: MLP_NATIVE_DIR (default build/native), MLP_WEB_DIR (default build/web),
# PYTHON (default /usr/bin/python3: Debian's python with python3-numpy).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

die() { printf 'bench/run.sh: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }

examples=60000 epochs=2 rounds=1
while [ $# -gt 0 ]; do
  case "$1" in
    --examples) examples="${2:-}"; shift 2 ;;
    --epochs) epochs="${2:-}"; shift 2 ;;
    --rounds) rounds="${2:-}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done
for v in "$examples" "$epochs" "$rounds"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || die "--examples, --epochs and --rounds take a positive whole number, got '$v'"
done
[ "$examples" -le 60000 ] || die "--examples must be at most 60000 (MNIST's training digits), got $examples"

native_dir="${MLP_NATIVE_DIR:-build/native}"
web_dir="${MLP_WEB_DIR:-build/web}"
python="${PYTHON:-/usr/bin/python3}"
[ -x "$native_dir/mlp" ] || die "$native_dir/mlp not found: build it first (./build.sh native)"
[ -f "$web_dir/bench_web.wasm" ] || die "$web_dir/bench_web.wasm not found: build it first (./build.sh web)"
"$python" -c 'import numpy' 2>/dev/null || die "$python has no numpy: install Debian's python3-numpy (scripts/install_deps.sh)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
flags=(--examples "$examples" --epochs "$epochs")

# rate FILE KIND: the number on the line "examples/s (KIND, median batch): N" (empty if none).
rate() { sed -n "s/^examples\/s ($2, median batch): \([0-9]*\)$/\1/p" "$1" | tail -n 1; }
# keep_best NAME FILE KIND: remembers the highest rate of KIND seen for NAME.
declare -A best
keep_best() {
  local r
  r="$(rate "$2" "$3")"
  [ -n "$r" ] || die "no '$3' rate in the output of $1 (see above)"
  if [ -z "${best[$1 $3]:-}" ] || [ "$r" -gt "${best[$1 $3]}" ]; then best[$1 $3]=$r; fi
}

for ((round = 1; round <= rounds; round++)); do
  [ "$rounds" -gt 1 ] && printf '\n######## round %d of %d\n' "$round" "$rounds"
  printf '\n=== native: %s bench\n' "$native_dir/mlp"
  "$native_dir/mlp" bench "${flags[@]}" | tee "$tmp/native"
  keep_best native "$tmp/native" "CPU time"
  keep_best native "$tmp/native" "wall clock"

  printf '\n=== numpy reference: %s bench/numpy_reference.py (OPENBLAS_NUM_THREADS=1)\n' "$python"
  OPENBLAS_NUM_THREADS=1 "$python" bench/numpy_reference.py "${flags[@]}" | tee "$tmp/numpy"
  keep_best numpy "$tmp/numpy" "CPU time"
  keep_best numpy "$tmp/numpy" "wall clock"

  printf '\n=== web: %s/bench_web.html in headless Chromium\n' "$web_dir"
  node bench/web/run_web_bench.mjs --web "$web_dir" "${flags[@]}" | tee "$tmp/web"
  keep_best web "$tmp/web" "wall clock"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '\n=== summary (examples/s, median batch%s)\n' "$([ "$rounds" -gt 1 ] && echo ", best of $rounds rounds")"
printf '%-32s %10s %10s %10s\n' "" "examples/s" "x numpy" "target"
printf '%-32s %10s\n' "numpy + OpenBLAS, CPU time" "${best[numpy CPU time]}"
printf '%-32s %10s %10s %10s\n' "native, CPU time" "${best[native CPU time]}" \
  "$(ratio "${best[native CPU time]}" "${best[numpy CPU time]}")" ">= 1.2"
printf '%-32s %10s\n' "numpy + OpenBLAS, wall clock" "${best[numpy wall clock]}"
printf '%-32s %10s %10s\n' "native, wall clock" "${best[native wall clock]}" \
  "$(ratio "${best[native wall clock]}" "${best[numpy wall clock]}")"
printf '%-32s %10s %10s %10s\n' "web (Chromium), wall clock" "${best[web wall clock]}" \
  "$(ratio "${best[web wall clock]}" "${best[numpy wall clock]}")" ">= 0.25"
printf 'native ratio: native / numpy by CPU time; web ratio: web / numpy by the wall clock.\n'

if [ -f "$web_dir/playground.wasm" ]; then
  printf '\n=== the page: download size and first frame\n'
  node bench/web/page_metrics.mjs --web "$web_dir" || printf '(page metrics failed, see above)\n'
fi
