// Hidden-layer activations, each stored with its derivative (as in the lecture:
// sigmoid, ReLU; plus tanh and linear). Element-wise on N x n matrices.
#pragma once

#include "nn/matrix.hpp"

#include <string>
#include <vector>

namespace mlp {

enum class Activation { Sigmoid, ReLU, Tanh, Linear };

// H = φ(Z)
template <class T>
Matrix<T> activate(Activation act, const Matrix<T>& Z);

// φ'(Z), element-wise. For the sigmoid this is σ(Z)(1 − σ(Z)) = H(1 − H).
template <class T>
Matrix<T> activation_derivative(Activation act, const Matrix<T>& Z);
// The same when H = φ(Z) is at hand too: the sigmoid's H(1 − H) then needs no second σ
// (the same numbers), the others use Z.
template <class T>
Matrix<T> activation_derivative(Activation act, const Matrix<T>& Z, const Matrix<T>& H);

// Numerically safe logistic function for one value.
template <class T>
T sigmoid(T z);

const char* activation_name(Activation act);               // "sigmoid", "relu", ...
Activation parse_activation(const std::string& name);      // throws std::invalid_argument
const std::vector<Activation>& all_activations();

}  // namespace mlp
