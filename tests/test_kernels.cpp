// Tests for the dense-layer kernels (src/nn/kernels.hpp, src/nn/simd): the reference versions
// on a hand-computed layer, then each fast kernel against its reference (plain Eigen, run in
// double precision on the same inputs), for float and double, on dense, sparse
// (MNIST-like), all-zero and odd shapes, with widths that exercise every vector width,
// the overlapping last vector and several passes, through both the sparse and the dense
// loops (chosen by the density of the left operand), also for entries on a non-zero
// background (z-scored pixels); NaN and infinity must propagate; a scratch reused from call
// to call changes nothing.
#include <catch2/catch.hpp>

#include "nn/kernels.hpp"
#include "core/random.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <tuple>

using namespace mlp;

namespace {

// rows x cols, each entry non-zero with probability `density`, uniform in [-1, 1).
template <class T>
Matrix<T> random_matrix(int rows, int cols, double density, Rng& rng) {
  Matrix<T> A(rows, cols);
  for (Eigen::Index i = 0; i < A.size(); ++i) A.data()[i] = rng.uniform() < density ? T(rng.uniform(-1, 1)) : T(0);
  return A;
}

// Every entry of `got` within the rounding bound of a K-term sum of `scale` (|terms| summed)
// of `want`, computed in double: |got − want| <= 4·K·eps(T)·scale + tiny.
template <class T>
void check_close(const Matrix<T>& got, const Matrix<double>& want, const Matrix<double>& scale, int K) {
  REQUIRE(got.rows() == want.rows());
  REQUIRE(got.cols() == want.cols());
  const double eps = std::numeric_limits<T>::epsilon();
  int bad = 0;
  for (Eigen::Index i = 0; i < want.size(); ++i) {
    const double tol = 4.0 * (K + 1) * eps * scale.data()[i] + 1e-30;
    if (!(std::abs(double(got.data()[i]) - want.data()[i]) <= tol)) ++bad;
  }
  CHECK(bad == 0);
}

// Runs all three kernels on X (N x D), W ((D + 1) x M), dZ (N x M) and compares them with the
// reference versions in double; the references on |entries| give the rounding bounds.
template <class T>
void check_kernels(const Matrix<T>& X, const Matrix<T>& W, const Matrix<T>& dZ) {
  const int N = static_cast<int>(X.rows()), D = static_cast<int>(X.cols());
  const Matrix<double> Xd = X.template cast<double>(), Wd = W.template cast<double>(),
                       dZd = dZ.template cast<double>();
  const Matrix<double> Xa = Xd.cwiseAbs(), Wa = Wd.cwiseAbs(), dZa = dZd.cwiseAbs();
  const T scale = T(1) / T(std::max(N, 1));

  Matrix<T> Z = Matrix<T>::Constant(3, 2, T(7));  // wrong size and garbage: must be replaced
  affine_forward(X, W, Z);
  check_close(Z, affine_forward_reference(Xd, Wd), affine_forward_reference(Xa, Wa), D);

  Matrix<T> dW = Matrix<T>::Constant(D + 1, W.cols(), T(7));  // right size, garbage: must be overwritten
  affine_weight_gradient(X, dZ, scale, dW);
  check_close(dW, affine_weight_gradient_reference(Xd, dZd, double(scale)),
              affine_weight_gradient_reference(Xa, dZa, double(scale)), N);

  Matrix<T> dX;
  affine_input_gradient(dZ, W, dX);
  check_close(dX, affine_input_gradient_reference(dZd, Wd), affine_input_gradient_reference(dZa, Wa),
              static_cast<int>(W.cols()));
}

template <class T>
void check_shapes(double density) {
  Rng rng(42);
  // (N, D, M): single entries, every vector width's edge (15, 16, 17, 31, 33), several passes
  // of the widest vectors (130, 257), the lecture's MNIST layers.
  const std::tuple<int, int, int> shapes[] = {
      {1, 1, 1},   {1, 5, 3},    {2, 3, 2},    {7, 13, 17},  {5, 16, 16},   {4, 31, 15},
      {3, 33, 31}, {9, 8, 33},   {6, 40, 130}, {3, 20, 257}, {33, 100, 10}, {64, 784, 100},
  };
  for (const auto& [N, D, M] : shapes) {
    CAPTURE(N, D, M, density);
    check_kernels<T>(random_matrix<T>(N, D, density, rng), random_matrix<T>(D + 1, M, 1.0, rng),
                     random_matrix<T>(N, M, density, rng));
  }
}

}  // namespace

TEMPLATE_TEST_CASE("the reference products compute the lecture's formulas", "[kernels]", float, double) {
  using T = TestType;
  Matrix<T> X(2, 2), W(3, 2), dZ(2, 2);  // N = 2 examples, D = 2 inputs, M = 2 units
  X << 1, 2,
       3, 4;
  W << 0.5, -1,   // bias row
       1, 0,
       0, 2;
  dZ << 1, 0,
        2, -1;
  Matrix<T> Z(2, 2), dW(3, 2), dX(2, 2);
  Z << 1.5, 3,      // [1 1 2] · W
       3.5, 7;      // [1 3 4] · W
  dW << 1.5, -0.5,  // [1 X]ᵀ · dZ / 2
        3.5, -1.5,
        5, -2;
  dX << 1, 0,       // dZ · W[1:]ᵀ
        2, -2;
  CHECK(affine_forward_reference(X, W) == Z);
  CHECK(affine_weight_gradient_reference(X, dZ, T(0.5)) == dW);
  CHECK(affine_input_gradient_reference(dZ, W) == dX);
}

TEMPLATE_TEST_CASE("fast kernels match the references on dense matrices", "[kernels]", float, double) {
  check_shapes<TestType>(1.0);
}

TEMPLATE_TEST_CASE("fast kernels match the references on sparse matrices (MNIST-like density)", "[kernels]", float,
                   double) {
  check_shapes<TestType>(0.19);
  check_shapes<TestType>(0.03);
}

TEMPLATE_TEST_CASE("inputs on a constant background (z-scored pixels) match the references", "[kernels]", float, double) {
  using T = TestType;
  Rng rng(11);
  for (const bool per_column : {false, true}) {
    CAPTURE(per_column);
    // 19% "ink" on a background: one value for all pixels (global z-scoring) or one per column.
    Matrix<T> X = random_matrix<T>(40, 97, 0.19, rng);
    const Matrix<T> background = random_matrix<T>(1, 97, 1.0, rng);
    for (Eigen::Index n = 0; n < X.rows(); ++n)
      for (Eigen::Index i = 0; i < X.cols(); ++i)
        if (X(n, i) == T(0)) X(n, i) = per_column ? background(0, i) : T(-0.4242);
    check_kernels<T>(X, random_matrix<T>(98, 37, 1.0, rng), random_matrix<T>(40, 37, 1.0, rng));
  }
}

TEMPLATE_TEST_CASE("a scratch reused across shapes and densities gives the results of fresh calls",
                   "[kernels]", float, double) {
  using T = TestType;
  Rng rng(17);
  KernelScratch<T> scratch;
  // Large then small then large again, sparse and dense, widths with and without an aligned copy.
  for (const auto& [N, D, M, density] : {std::tuple{64, 300, 100, 0.19}, std::tuple{5, 7, 3, 0.19},
                                         std::tuple{33, 50, 37, 1.0}, std::tuple{64, 300, 100, 0.05},
                                         std::tuple{9, 40, 16, 0.19}}) {
    CAPTURE(N, D, M, density);
    const Matrix<T> X = random_matrix<T>(N, D, density, rng), W = random_matrix<T>(D + 1, M, 1.0, rng);
    const Matrix<T> dZ = random_matrix<T>(N, M, density, rng);
    Matrix<T> Z, Z_fresh, dW, dW_fresh, dX, dX_fresh;
    affine_forward(X, W, Z, scratch);
    affine_forward(X, W, Z_fresh);
    CHECK(Z == Z_fresh);
    affine_weight_gradient(X, dZ, T(0.5), dW, scratch);
    affine_weight_gradient(X, dZ, T(0.5), dW_fresh);
    CHECK(dW == dW_fresh);
    affine_input_gradient(dZ, W, dX, scratch);
    affine_input_gradient(dZ, W, dX_fresh);
    CHECK(dX == dX_fresh);
  }
}

TEMPLATE_TEST_CASE("all-zero inputs give the bias and zero gradients", "[kernels]", float, double) {
  using T = TestType;
  Rng rng(5);
  const Matrix<T> X = Matrix<T>::Zero(4, 19), dZ = Matrix<T>::Zero(4, 11);
  const Matrix<T> W = random_matrix<T>(20, 11, 1.0, rng);
  Matrix<T> Z, dW, dX;
  affine_forward(X, W, Z);
  for (int n = 0; n < 4; ++n) CHECK(Z.row(n) == W.row(0));
  affine_weight_gradient(X, dZ, T(0.25), dW);
  CHECK(dW.isZero(0));
  affine_input_gradient(dZ, W, dX);
  CHECK(dX.isZero(0));
  CHECK(dX.rows() == 4);
  CHECK(dX.cols() == 19);
}

TEMPLATE_TEST_CASE("rows that are all zero between non-zero rows", "[kernels]", float, double) {
  using T = TestType;
  Rng rng(9);
  Matrix<T> X = random_matrix<T>(10, 70, 0.3, rng), dZ = random_matrix<T>(10, 21, 1.0, rng);
  X.row(0).setZero();
  X.row(4).setZero();
  X.row(9).setZero();
  dZ.row(3).setZero();
  check_kernels<T>(X, random_matrix<T>(71, 21, 1.0, rng), dZ);
}

TEMPLATE_TEST_CASE("a batch of no examples gives empty outputs and a zero gradient", "[kernels]", float, double) {
  using T = TestType;
  Rng rng(2);
  const Matrix<T> X(0, 6), dZ(0, 4);
  const Matrix<T> W = random_matrix<T>(7, 4, 1.0, rng);
  Matrix<T> Z, dW, dX;
  affine_forward(X, W, Z);
  CHECK(Z.rows() == 0);
  CHECK(Z.cols() == 4);
  affine_weight_gradient(X, dZ, T(1), dW);
  CHECK(dW.rows() == 7);
  CHECK(dW.isZero(0));
  affine_input_gradient(dZ, W, dX);
  CHECK(dX.rows() == 0);
  CHECK(dX.cols() == 6);
}

TEMPLATE_TEST_CASE("NaN and infinity in the inputs propagate, -0 counts as zero", "[kernels]", float, double) {
  using T = TestType;
  for (const double density : {0.2, 1.0}) {  // the sparse and the dense loops
    CAPTURE(density);
    Rng rng(3);
    Matrix<T> X = random_matrix<T>(3, 40, density, rng);
    const Matrix<T> W = random_matrix<T>(41, 18, 1.0, rng);
    X(0, 17) = std::numeric_limits<T>::quiet_NaN();
    X(1, 39) = std::numeric_limits<T>::infinity();
    X(2, 5) = T(-0.0);
    Matrix<T> Z;
    affine_forward(X, W, Z);
    CHECK(Z.row(0).array().isNaN().all());
    CHECK(Z.row(1).array().isInf().count() + Z.row(1).array().isNaN().count() == 18);
    CHECK(Z.row(2).allFinite());
    Matrix<T> dZ = random_matrix<T>(3, 18, density, rng), dW;
    dZ.row(0).setConstant(T(0.5));
    affine_weight_gradient(X, dZ, T(1), dW);
    CHECK(dW.row(1 + 17).array().isNaN().all());
    CHECK(dW.row(1 + 16).allFinite());
    dZ(1, 7) = std::numeric_limits<T>::quiet_NaN();
    Matrix<T> dX;
    affine_input_gradient(dZ, W, dX);
    CHECK(dX.row(1).array().isNaN().all());
    CHECK(dX.row(0).allFinite());
  }
}

TEST_CASE("kernels reject operands whose shapes do not fit", "[kernels]") {
  Rng rng(1);
  const Matrix<float> X = random_matrix<float>(4, 5, 1.0, rng), W = random_matrix<float>(5, 3, 1.0, rng);
  Matrix<float> out;
  CHECK_THROWS_AS(affine_forward(X, W, out), std::invalid_argument);  // W needs 6 rows
  CHECK_THROWS_AS(affine_weight_gradient(X, random_matrix<float>(3, 2, 1.0, rng), 1.0f, out),
                  std::invalid_argument);                             // dZ needs 4 rows
  CHECK_THROWS_AS(affine_input_gradient(random_matrix<float>(4, 2, 1.0, rng), W, out),
                  std::invalid_argument);                             // dZ needs 3 columns
}

TEST_CASE("the kernels name the instruction set they were built for", "[kernels]") {
  const std::string isa = kernel_isa();
#if defined(__AVX512F__)
  CHECK(isa.find("AVX-512") != std::string::npos);
#elif defined(__wasm_simd128__)
  CHECK(isa.find("WebAssembly SIMD128") != std::string::npos);
#else
  CHECK(isa.find("AVX-512") == std::string::npos);
#endif
}
