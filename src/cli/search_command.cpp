// `mlp search`: hyperparameter search (placeholder until src/nn/search lands).
#include "cli/commands.hpp"
#include "cli/options.hpp"

namespace mlp::cli {

std::vector<FlagSpec> search_flags() { return data_flags(); }

int run_search(const Args&) { throw std::runtime_error("search: not available yet"); }

}  // namespace mlp::cli
