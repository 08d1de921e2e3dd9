// The MLP's forward and backward passes; see network.hpp for the formulas.
#include "nn/network.hpp"

#include "nn/dropout.hpp"

#include <sstream>
#include <stdexcept>

namespace mlp {

int NetworkSpec::units(int l) const {
  return l == layers() - 1 ? outputs : hidden[l].units;
}

int NetworkSpec::fan_in(int l) const { return l == 0 ? inputs : units(l - 1); }

void NetworkSpec::validate() const {
  auto fail = [](const std::string& msg) { throw std::invalid_argument(msg); };
  if (inputs < 1 || inputs > 100000) fail("inputs must be between 1 and 100000, got " + std::to_string(inputs));
  if (outputs < 1 || outputs > kMaxUnits) fail("outputs must be between 1 and 4096, got " + std::to_string(outputs));
  if (static_cast<int>(hidden.size()) > kMaxHiddenLayers) fail("at most 16 hidden layers");
  for (size_t i = 0; i < hidden.size(); ++i) {
    const LayerSpec& h = hidden[i];
    const std::string name = "hidden layer " + std::to_string(i + 1);
    if (h.units < 1 || h.units > kMaxUnits)
      fail(name + ": units must be between 1 and 4096, got " + std::to_string(h.units));
    if (!(h.dropout >= 0.0 && h.dropout < 1.0))
      fail(name + ": dropout ratio must be in [0, 1), got " + std::to_string(h.dropout));
    if (dropout_kept(h.units, h.dropout) < 1 && h.dropout > 0)
      fail(name + ": dropout ratio " + std::to_string(h.dropout) + " would drop every unit");
  }
}

std::string NetworkSpec::describe() const {
  std::ostringstream s;
  s << inputs;
  for (const auto& h : hidden) s << '-' << h.units;
  s << '-' << outputs << " (";
  for (size_t i = 0; i < hidden.size(); ++i) {
    s << activation_name(hidden[i].activation);
    if (hidden[i].dropout > 0) s << " drop " << hidden[i].dropout;
    s << (i + 1 < hidden.size() ? ", " : "; ");
  }
  s << output_name(output) << ')';
  return s.str();
}

template <class T>
Network<T> Network<T>::initialized(const NetworkSpec& spec, Rng& rng) {
  spec.validate();
  Network<T> net{spec, {}};
  for (int l = 0; l < spec.layers(); ++l)
    net.W.push_back(init_weights<T>(spec.init, spec.fan_in(l) + 1, spec.units(l), rng));
  return net;
}

template <class T>
void Pass<T>::resize(int layers) {
  Z.resize(layers);
  H.resize(layers);
  M.resize(layers);
  dZ.resize(layers);
  dH.resize(layers);
  dW.resize(layers);
}

template <class T>
void forward_layer(const Network<T>& net, Pass<T>& pass, int l, DropoutMode mode, Rng& rng) {
  if (static_cast<int>(pass.Z.size()) != net.spec.layers())
    throw std::logic_error("forward_layer on a pass not sized for the network (Pass::resize)");
  const bool is_output = l == net.spec.layers() - 1;
  affine_forward(pass.input_of(l), net.W[l], pass.Z[l], pass.scratch);       // Z_l = [1 H_{l−1}] W_l
  if (is_output) {
    pass.H[l] = output_activation(net.spec.output, pass.Z[l]);  // Ŷ
    return;
  }
  const LayerSpec& layer = net.spec.hidden[l];
  pass.H[l] = activate(layer.activation, pass.Z[l]);            // H_l = φ(Z_l)
  const bool dropout = layer.dropout > 0 && mode != DropoutMode::Off;
  if (mode == DropoutMode::Sample && dropout)
    pass.M[l] = dropout_mask<T>(pass.H[l].rows(), pass.H[l].cols(), layer.dropout, rng);
  if (!dropout) pass.M[l].resize(0, 0);
  if (pass.M[l].size() > 0) {
    if (pass.M[l].rows() != pass.H[l].rows() || pass.M[l].cols() != pass.H[l].cols())
      throw std::logic_error("dropout mask does not match the layer's activations");
    pass.H[l].array() *= pass.M[l].array();                     // H_l ∗ M_l
  }
}

template <class T>
void compute_loss(const Network<T>& net, Pass<T>& pass) {
  pass.loss = output_loss(net.spec.output, pass.Z.back(), pass.Y);
}

template <class T>
void backward_layer(const Network<T>& net, Pass<T>& pass, int l) {
  const int L = net.spec.layers();
  if (static_cast<int>(pass.Z.size()) != L || pass.H[l].size() == 0)
    throw std::logic_error("backward_layer before forward");
  if (l == L - 1) {
    pass.dZ[l] = pass.Yhat() - pass.Y;                          // dZ = Ŷ − Y
  } else {
    const LayerSpec& layer = net.spec.hidden[l];
    if (pass.M[l].size() > 0) {                                 // H_l = φ(Z_l) ∗ M_l
      pass.dZ[l] = pass.dH[l].cwiseProduct(activation_derivative(layer.activation, pass.Z[l]));
      pass.dZ[l].array() *= pass.M[l].array();                  // same mask as forward
    } else {                                                    // H_l = φ(Z_l)
      pass.dZ[l] = pass.dH[l].cwiseProduct(activation_derivative(layer.activation, pass.Z[l], pass.H[l]));
    }
  }
  const T inv_n = T(1) / T(pass.batch_size());
  affine_weight_gradient(pass.input_of(l), pass.dZ[l], inv_n, pass.dW[l], pass.scratch);  // [1 H]ᵀ dZ / N
  if (l > 0) affine_input_gradient(pass.dZ[l], net.W[l], pass.dH[l - 1], pass.scratch);  // dZ W[1:]ᵀ
}

template <class T>
void forward(const Network<T>& net, Pass<T>& pass, DropoutMode mode, Rng& rng) {
  pass.resize(net.spec.layers());
  for (int l = 0; l < net.spec.layers(); ++l) forward_layer(net, pass, l, mode, rng);
}

template <class T>
void backward(const Network<T>& net, Pass<T>& pass) {
  for (int l = net.spec.layers() - 1; l >= 0; --l) backward_layer(net, pass, l);
}

template <class T>
Matrix<T> predict(const Network<T>& net, const Matrix<T>& X) {
  Pass<T> pass;
  pass.X = X;
  Rng unused(0);
  forward(net, pass, DropoutMode::Off, unused);
  return pass.H.back();
}

#define MLP_INSTANTIATE(T)                                                                 \
  template struct Network<T>;                                                              \
  template struct Pass<T>;                                                                 \
  template void forward_layer<T>(const Network<T>&, Pass<T>&, int, DropoutMode, Rng&);     \
  template void compute_loss<T>(const Network<T>&, Pass<T>&);                              \
  template void backward_layer<T>(const Network<T>&, Pass<T>&, int);                       \
  template void forward<T>(const Network<T>&, Pass<T>&, DropoutMode, Rng&);                \
  template void backward<T>(const Network<T>&, Pass<T>&);                                  \
  template Matrix<T> predict<T>(const Network<T>&, const Matrix<T>&);
MLP_INSTANTIATE(float)
MLP_INSTANTIATE(double)
#undef MLP_INSTANTIATE

}  // namespace mlp
