// `mlp export-python`: the run `mlp train` makes with the same flags, as a Python script in the
// lecture's numpy (config/python_script.hpp) that rebuilds its first K updates and prints the
// loss of each, `step k loss X`.
#include "cli/cli_app.hpp"
#include "cli/commands.hpp"
#include "cli/data_source.hpp"
#include "config/python_script.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace mlp::cli {

namespace {

// `mlp train`'s run flags (with --preset and the MNIST folder), the number of updates and the file.
struct ExportFlags {
  Command command{"Writes a Python script (numpy) that rebuilds a run's first K updates and prints their losses.\n"
                  "The run is the one `mlp train` makes with the same flags; the script, in the lecture's style,\n"
                  "prints one line per update: `step k loss X`.",
                  "mlp export-python"};
  ConfigFlags config{command.app, true};
  std::string mnist_dir, steps = "20", out;

  ExportFlags() {
    CLI::App& app = command.app;
    add_mnist_dir(app, mnist_dir);
    app.add_option("--steps", steps,
                   "the number of updates the script rebuilds, 1.." + std::to_string(kMaxScriptSteps) + " (default 20)")
        ->type_name("K");
    app.add_option("--out", out, "the script to write")->type_name("FILE.py")->required();
  }
};

int parse_steps(const std::string& text) {
  std::size_t end = 0;
  long steps = 0;
  try {
    steps = std::stol(text, &end);
  } catch (const std::exception&) {
    end = 0;
  }
  if (end == 0 || end != text.size() || steps < 1 || steps > kMaxScriptSteps)
    throw UsageError("--steps: the number of updates must be a whole number from 1 to " +
                     std::to_string(kMaxScriptSteps) + ", got '" + text + "'");
  return static_cast<int>(steps);
}

// The command as typed, for the script's header (arguments with blanks or quotes in quotes).
std::string command_line(const Args& args) {
  std::string line = "mlp export-python";
  for (const std::string& a : args) {
    const bool plain = !a.empty() && a.find_first_of(" \t'\"\\$`") == std::string::npos;
    line += plain ? " " + a : " '" + a + "'";
  }
  return line;
}

}  // namespace

std::string export_python_usage() { return ExportFlags().command.app.help(); }

int run_export_python(const Args& args) {
  ExportFlags flags;
  parse(flags.command.app, args);
  const int steps = parse_steps(flags.steps);
  RunConfig run = flags.config.config(cli_defaults());

  // Opened first, so that an unwritable path is said before the data is loaded.
  std::ofstream file(flags.out, std::ios::binary);
  if (!file) throw std::runtime_error(flags.out + ": cannot write the script (" + std::strerror(errno) + ")");
  PythonScript script;
  try {
    const DataSplit data = load_data(run.data, run.train.seed, flags.mnist_dir);
    const NetworkSpec spec = checked_spec(run, data.train);
    const Trainer<float> start(spec, data.train, checked_config(run.train));
    script = python_script(start, steps, ScriptOrigin{run, command_line(args), ""});
  } catch (...) {
    file.close();
    std::remove(flags.out.c_str());  // no empty script left behind
    throw;
  }
  file << script.text;
  file.close();
  if (!file) throw std::runtime_error(flags.out + ": cannot write the script");
  std::printf("%s: the first %d updates in numpy (%zu KB); `python3 %s` prints their losses, as the trainer's:\n"
              "  step 1 loss %.9g ... step %d loss %.9g\n",
              flags.out.c_str(), steps, (script.text.size() + 1023) / 1024, flags.out.c_str(),
              static_cast<double>(script.losses.front()), steps, static_cast<double>(script.losses.back()));
  return 0;
}

}  // namespace mlp::cli
