// `mlp`: the command-line trainer. Dispatches to one subcommand; a UsageError
// prints the command's usage on stderr and exits 2, any other error exits 1.
#include "cli/bench_command.hpp"
#include "cli/commands.hpp"
#include "cli/cli_app.hpp"

#include <cstdio>
#include <exception>
#include <map>
#include <string>

namespace {

using mlp::cli::Args;

int run_help(const Args& args) {
  const std::string text = mlp::cli::usage(args.empty() ? "" : args[0]);
  if (text.empty()) throw mlp::cli::UsageError("no help for unknown command '" + args[0] + "'");
  std::fputs(text.c_str(), stdout);
  return 0;
}

int dispatch(const std::string& command, const Args& args, int argc, char** argv) {
  static const std::map<std::string, int (*)(const Args&)> commands = {
      {"train", mlp::cli::run_train},         {"gradcheck", mlp::cli::run_gradcheck},
      {"dump", mlp::cli::run_dump},           {"search", mlp::cli::run_search},
      {"make-data", mlp::cli::run_make_data}, {"evaluate", mlp::cli::run_evaluate},
      {"export-python", mlp::cli::run_export_python},
      {"help", run_help},
  };
  if (command == "bench") return mlp::run_bench(argc - 1, argv + 1);  // argv[0] = "bench"
  const auto it = commands.find(command);
  if (it == commands.end()) throw mlp::cli::UsageError("unknown command '" + command + "'");
  return it->second(args);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(mlp::cli::usage("").c_str(), stderr);
    return 2;
  }
  const std::string command = argv[1];
  if (command == "--help" || command == "-h") return run_help({});
  const Args args(argv + 2, argv + argc);
  for (const auto& a : args)
    if (a == "--help" || a == "-h") return run_help({command});
  try {
    return dispatch(command, args, argc, argv);
  } catch (const mlp::cli::UsageError& e) {
    std::fprintf(stderr, "mlp %s: %s\n", command.c_str(), e.what());
    const bool known = !mlp::cli::usage(command).empty();
    const std::string text = mlp::cli::usage(known ? command : "");
    std::fprintf(stderr, "%s(`mlp help%s%s` lists %s)\n", known ? text.substr(0, text.find('\n') + 1).c_str() : "",
                 known ? " " : "", known ? command.c_str() : "", known ? "every flag" : "the commands");
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mlp %s: %s\n", command.c_str(), e.what());
    return 1;
  }
}
