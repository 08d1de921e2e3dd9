// Output layers and their losses, each paired so that the gradient of the loss
// with respect to the output layer's pre-activation Z is simply Ŷ − Y:
//   softmax + categorical cross-entropy   L = −(1/N) Σ_n Σ_k y_nk ln ŷ_nk
//   sigmoid + binary cross-entropy        L = −(1/N) Σ_n Σ_k y ln ŷ + (1 − y) ln(1 − ŷ)
//   linear  + mean squared error          L =  (1/N) Σ_n Σ_k ½ (ŷ − y)²
// Losses are computed from the logits Z (log-sum-exp, softplus), so they never
// take log(0) and never overflow for large logits.
#pragma once

#include "core/matrix.hpp"

#include <string>
#include <vector>

namespace mlp {

struct Dataset;

enum class Output { Softmax, Sigmoid, Linear };

// Ŷ = output activation of the logits Z (N x K).
template <class T>
Matrix<T> output_activation(Output out, const Matrix<T>& Z);

// Mean loss over the N rows, from the logits Z and targets Y (both N x K).
template <class T>
T output_loss(Output out, const Matrix<T>& Z, const Matrix<T>& Y);

// Per-example loss (N entries); output_loss is its mean.
template <class T>
Vector<T> example_losses(Output out, const Matrix<T>& Z, const Matrix<T>& Y);

// Number of output units for K classes: one sigmoid unit for two classes.
int output_units(Output out, int num_classes);

// Targets for class labels: one-hot N x K, or N x 1 with the label for a single sigmoid.
template <class T>
Matrix<T> make_targets(Output out, const std::vector<int>& labels, int num_classes);

// Targets of a data set's examples rows[0 .. count) (all N examples when rows is null): a
// regression set's real values (count x 1; only the linear output fits them, else throws
// std::invalid_argument), or make_targets of its class labels.
template <class T>
Matrix<T> dataset_targets(Output out, const Dataset& data, const int* rows = nullptr, int count = 0);

// Predicted class per row of Ŷ: argmax, or ŷ > 0.5 for a single sigmoid unit.
template <class T>
std::vector<int> predict_classes(const Matrix<T>& Yhat);

const char* output_name(Output out);           // "softmax", "sigmoid", "linear"
const char* loss_name(Output out);             // "cross-entropy", "binary cross-entropy", "MSE"
Output parse_output(const std::string& name);  // throws std::invalid_argument
const std::vector<Output>& all_outputs();

}  // namespace mlp
