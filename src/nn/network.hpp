// The multi-layer perceptron: its shape (NetworkSpec), its weights (Network),
// and one forward + backward pass over a batch, layer by layer (Pass).
//
// Layers are numbered l = 0 .. L−1 (the lecture's W1 .. WL); the last one is the
// output layer. n_l is the width of layer l, n_{−1} = D the number of inputs.
//   forward  l:  Z_l = [1 H_{l−1}] · W_l        H_{−1} = X
//                H_l = φ_l(Z_l) ∗ M_l           (M_l: dropout mask, hidden layers only)
//                Ŷ   = output(Z_{L−1})          (softmax, sigmoid or linear)
//   backward l:  dZ_{L−1} = Ŷ − Y
//                dZ_l  = dH_l ∗ M_l ∗ φ_l'(Z_l) (hidden layers)
//                dW_l  = [1 H_{l−1}]ᵀ · dZ_l / N
//                dH_{l−1} = dZ_l · W_l[1:]ᵀ
#pragma once

#include "nn/activation.hpp"
#include "nn/init.hpp"
#include "nn/kernels.hpp"
#include "nn/loss.hpp"
#include "core/matrix.hpp"
#include "core/random.hpp"

#include <string>
#include <vector>

namespace mlp {

struct LayerSpec {
  int units = 4;                           // n_l
  Activation activation = Activation::ReLU;
  double dropout = 0.0;                    // drop ratio in [0, 1); 0 = no dropout
};

struct NetworkSpec {
  static constexpr int kMaxHiddenLayers = 16;  // validate's limits, also the page address's
  static constexpr int kMaxUnits = 4096;

  int inputs = 2;                          // D
  std::vector<LayerSpec> hidden;           // hidden layers, first to last
  int outputs = 2;                         // K output units
  Output output = Output::Softmax;
  Init init = Init::Lecture;

  int layers() const { return static_cast<int>(hidden.size()) + 1; }   // L
  int units(int l) const;                  // n_l
  int fan_in(int l) const;                 // n_{l−1}
  // Throws std::invalid_argument naming the bad field.
  void validate() const;
  // e.g. "2-8-8-2 (relu, relu; softmax)"
  std::string describe() const;
};

template <class T>
struct Network {
  NetworkSpec spec;
  std::vector<Matrix<T>> W;                // W[l]: (n_{l−1} + 1) x n_l, bias in row 0

  // Fresh weights drawn with spec.init from rng.
  static Network initialized(const NetworkSpec& spec, Rng& rng);

  template <class U>
  Network<U> cast() const {
    Network<U> out{spec, {}};
    for (const auto& w : W) out.W.push_back(w.template cast<U>());
    return out;
  }
};

// How a forward pass treats dropout.
enum class DropoutMode {
  Off,     // evaluation: no dropout
  Sample,  // training: draw fresh masks
  Keep     // reuse the masks already in the pass (gradient checks)
};

// Every matrix of one forward and backward pass over a batch.
template <class T>
struct Pass {
  Matrix<T> X;                             // N x D     input batch
  Matrix<T> Y;                             // N x K     targets
  std::vector<Matrix<T>> Z;                // Z[l]: N x n_l  pre-activation [1 H_{l−1}] W_l
  std::vector<Matrix<T>> H;                // H[l]: N x n_l  activation (after dropout); H[L−1] = Ŷ
  std::vector<Matrix<T>> M;                // M[l]: N x n_l  dropout mask; empty when off
  T loss = T(0);                           // mean loss over the batch
  std::vector<Matrix<T>> dZ;               // dZ[l]: N x n_l   ∂(N·L)/∂Z_l
  std::vector<Matrix<T>> dH;               // dH[l]: N x n_l   ∂(N·L)/∂H_l (hidden layers)
  std::vector<Matrix<T>> dW;               // dW[l]: like W[l]  ∂L/∂W_l
  KernelScratch<T> scratch;                // memory the layer kernels reuse (no meaning of its own)

  int batch_size() const { return static_cast<int>(X.rows()); }   // N
  const Matrix<T>& input_of(int l) const { return l == 0 ? X : H[l - 1]; }  // H_{l−1}
  const Matrix<T>& Yhat() const { return H.back(); }
  // One slot per layer in Z, H, M, dZ, dH, dW (the matrices in them are sized by the phases
  // that fill them); done once for a network, before its first layer runs.
  void resize(int layers);
};

// Forward and backward, one layer at a time, side by side. They only compute: the pass must
// have one slot per layer already (Pass::resize; forward() does it), else std::logic_error.
template <class T>
void forward_layer(const Network<T>& net, Pass<T>& pass, int l, DropoutMode mode, Rng& rng);
template <class T>
void compute_loss(const Network<T>& net, Pass<T>& pass);
template <class T>
void backward_layer(const Network<T>& net, Pass<T>& pass, int l);

// Whole passes; forward sizes the pass for the network (Pass::resize) first.
template <class T>
void forward(const Network<T>& net, Pass<T>& pass, DropoutMode mode, Rng& rng);
template <class T>
void backward(const Network<T>& net, Pass<T>& pass);

// Ŷ for a batch, no dropout.
template <class T>
Matrix<T> predict(const Network<T>& net, const Matrix<T>& X);

}  // namespace mlp
