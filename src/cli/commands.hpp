// The subcommands of `mlp`. Each takes the arguments after its name, prints its
// results on stdout and its problems on stderr, and returns the exit status:
// 0 success, 1 failure (bad file, diverged run, failed check), 2 usage error
// (the caller prints the usage message for a UsageError).
#pragma once

#include "cli/flags.hpp"

#include <string>
#include <vector>

namespace mlp::cli {

using Args = std::vector<std::string>;

int run_train(const Args& args);
int run_gradcheck(const Args& args);
int run_dump(const Args& args);
int run_search(const Args& args);
int run_make_data(const Args& args);
int run_evaluate(const Args& args);

// The flags each command accepts (train's are train_flag_specs() in options.hpp).
const std::vector<FlagSpec>& gradcheck_flags();
std::vector<FlagSpec> dump_flags();
std::vector<FlagSpec> search_flags();
const std::vector<FlagSpec>& make_data_flags();
std::vector<FlagSpec> evaluate_flags();

// Usage of one command ("train", ...) or, for an empty name, of the whole tool.
// Returns an empty string for an unknown command.
std::string usage(const std::string& command);

}  // namespace mlp::cli
