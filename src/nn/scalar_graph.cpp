// The scalar computational graph; see scalar_graph.hpp.
#include "nn/scalar_graph.hpp"

#include "nn/activation.hpp"

namespace mlp {

int ScalarGraph::push(Node n) {
  nodes_.push_back(std::move(n));
  return size() - 1;
}

int ScalarGraph::input(const std::string& name, double value) { return push({name, value, {}, {}, 0.0}); }

int ScalarGraph::add(const std::string& name, int a, int b) {
  return push({name, nodes_[a].value + nodes_[b].value, {a, b}, {1.0, 1.0}, 0.0});
}

int ScalarGraph::mul(const std::string& name, int a, int b) {
  const double va = nodes_[a].value, vb = nodes_[b].value;
  return push({name, va * vb, {a, b}, {vb, va}, 0.0});
}

int ScalarGraph::scale(const std::string& name, int a, double k) {
  return push({name, k * nodes_[a].value, {a}, {k}, 0.0});
}

int ScalarGraph::square(const std::string& name, int a) {
  const double v = nodes_[a].value;
  return push({name, v * v, {a}, {2.0 * v}, 0.0});
}

int ScalarGraph::sigmoid(const std::string& name, int a) {
  const double s = mlp::sigmoid(nodes_[a].value);
  return push({name, s, {a}, {s * (1.0 - s)}, 0.0});
}

void ScalarGraph::backward(int output) {
  for (auto& n : nodes_) n.grad = 0.0;
  nodes_[output].grad = 1.0;
  for (int id = output; id >= 0; --id) {
    const Node& n = nodes_[id];
    for (size_t i = 0; i < n.inputs.size(); ++i) nodes_[n.inputs[i]].grad += n.grad * n.local[i];
  }
}

}  // namespace mlp
