// ScalarGraph: a tiny computational graph of scalars (micrograd-style) for the
// lecture's chain-rule examples: each node keeps its value, its local gradients
// with respect to its inputs, and, after backward(), ∂output/∂node.
#pragma once

#include <string>
#include <vector>

namespace mlp {

class ScalarGraph {
 public:
  struct Node {
    std::string name;              // e.g. "a", "b = 2a"
    double value = 0.0;
    std::vector<int> inputs;       // node ids this node is computed from
    std::vector<double> local;     // ∂node/∂inputs[i]
    double grad = 0.0;             // ∂output/∂node, filled by backward()
  };

  int input(const std::string& name, double value);
  int add(const std::string& name, int a, int b);          // a + b
  int mul(const std::string& name, int a, int b);          // a · b
  int scale(const std::string& name, int a, double k);     // k · a
  int square(const std::string& name, int a);              // a²
  int sigmoid(const std::string& name, int a);             // σ(a)

  // Reverse-mode sweep from `output`: grad of every node = Σ over users of grad(user) · local.
  void backward(int output);

  const Node& node(int id) const { return nodes_[id]; }
  int size() const { return static_cast<int>(nodes_.size()); }

 private:
  int push(Node n);
  std::vector<Node> nodes_;        // in creation (topological) order
};

}  // namespace mlp
