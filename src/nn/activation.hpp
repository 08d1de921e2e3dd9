// Hidden-layer activations φ, one table entry each with its names and its derivative
// (like TensorFlow Playground's {output, der}): the lecture's sigmoid and ReLU, plus tanh
// and linear. Element-wise on N x n matrices. Adding an activation is adding an enum value
// and its entry in activation_table() (activation.cpp).
#pragma once

#include "core/matrix.hpp"

#include <string>
#include <vector>

namespace mlp {

enum class Activation { Sigmoid, ReLU, Tanh, Linear };

template <class T>
struct ActivationEntry {
  Activation activation;
  const char* name;    // "sigmoid": the word of the CLI, the page address and model files
  const char* symbol;  // "σ": φ as the formulas on screen write it
  Matrix<T> (*f)(const Matrix<T>& Z);           // H = φ(Z)
  Matrix<T> (*derivative)(const Matrix<T>& Z);  // φ'(Z)
  // φ'(Z) from H = φ(Z) alone, the very numbers of `derivative` (σ' = H(1 − H): one σ, not
  // two); null when φ' needs Z.
  Matrix<T> (*derivative_from_output)(const Matrix<T>& H);
};

// Every activation, in menu order (one table, instantiated for float and double).
template <class T>
const std::vector<ActivationEntry<T>>& activation_table();
template <class T>
const ActivationEntry<T>& activation_entry(Activation act);

// H = φ(Z)
template <class T>
Matrix<T> activate(Activation act, const Matrix<T>& Z);

// φ'(Z), element-wise. For the sigmoid this is σ(Z)(1 − σ(Z)) = H(1 − H).
template <class T>
Matrix<T> activation_derivative(Activation act, const Matrix<T>& Z);
// The same when H = φ(Z) is at hand too: from H where the entry can (no second σ), else from Z.
template <class T>
Matrix<T> activation_derivative(Activation act, const Matrix<T>& Z, const Matrix<T>& H);

// Numerically safe logistic function for one value.
template <class T>
T sigmoid(T z);

const char* activation_name(Activation act);               // "sigmoid", "relu", ...
Activation parse_activation(const std::string& name);      // throws std::invalid_argument
const std::vector<Activation>& all_activations();

}  // namespace mlp
