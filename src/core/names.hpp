// Named enums: one table per enum gives its names, its menu order, and a parser
// whose error lists the valid names (used for activations, outputs, inits).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace mlp {

template <class E>
struct Named {
  E value;
  const char* name;
};

template <class E>
const char* name_of(const std::vector<Named<E>>& table, E value) {
  for (const auto& entry : table)
    if (entry.value == value) return entry.name;
  return "?";
}

// Throws std::invalid_argument: "unknown <what> 'x' (use a, b or c)".
template <class E>
E parse_named(const std::vector<Named<E>>& table, const std::string& name, const char* what) {
  std::string valid;
  for (size_t i = 0; i < table.size(); ++i) {
    if (name == table[i].name) return table[i].value;
    valid += (i == 0 ? "" : i + 1 == table.size() ? " or " : ", ") + std::string(table[i].name);
  }
  throw std::invalid_argument("unknown " + std::string(what) + " '" + name + "' (use " + valid + ")");
}

template <class E>
std::vector<E> values_of(const std::vector<Named<E>>& table) {
  std::vector<E> values;
  for (const auto& entry : table) values.push_back(entry.value);
  return values;
}

}  // namespace mlp
