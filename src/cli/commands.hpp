// The subcommands of `mlp`. Each takes the arguments after its name, prints its
// results on stdout and its problems on stderr, and returns the exit status:
// 0 success, 1 failure (bad file, diverged run, failed check), 2 usage error
// (the caller prints the usage message for a UsageError). Each also gives its usage
// text, made by CLI11 from the same flag definitions it parses with.
#pragma once

#include "cli/cli_app.hpp"

#include <string>
#include <vector>

namespace mlp::cli {

int run_train(const Args& args);
int run_gradcheck(const Args& args);
int run_dump(const Args& args);
int run_search(const Args& args);
int run_make_data(const Args& args);
int run_evaluate(const Args& args);
int run_export_python(const Args& args);

std::string train_usage();
std::string gradcheck_usage();
std::string dump_usage();
std::string search_usage();
std::string make_data_usage();
std::string evaluate_usage();
std::string export_python_usage();

// Usage of one command ("train", ...) or, for an empty name, of the whole tool.
// Returns an empty string for an unknown command.
std::string usage(const std::string& command);

}  // namespace mlp::cli
