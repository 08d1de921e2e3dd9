// `mlp make-data NAME`: a generated toy set written in the lecture's text format
// (header "x1 x2 label", one example per line), e.g. the files under assets/.
#include "cli/commands.hpp"
#include "config/run_data.hpp"
#include "data/loaders.hpp"
#include "data/toy.hpp"

#include <cstdio>
#include <stdexcept>

namespace mlp::cli {

namespace {

// The set's name, the generation rows of the run configuration (its own default of 200
// examples) and the file.
struct MakeDataFlags {
  Command command{"Generates toy set NAME and writes it in the lecture's text format (header x1 x2 label).",
                  "mlp make-data"};
  ConfigFlags config{command.app, false, {"n", "noise", "classes", "seed"}};
  std::string name, out;

  MakeDataFlags() {
    command.app.add_option("name", name, "toy set to generate")->type_name("NAME")->required();
    command.app.add_option("--out", out, "file to write")->type_name("FILE")->required();
  }
};

}  // namespace

std::string make_data_usage() { return MakeDataFlags().command.app.help(); }

int run_make_data(const Args& args) {
  MakeDataFlags flags;
  parse(flags.command.app, args);
  RunConfig defaults;
  defaults.data.source = flags.name;
  const RunConfig run = flags.config.config(defaults);
  const std::string& name = flags.name;
  const double noise = effective_noise(run.data);
  Dataset data;
  try {
    data = make_toy(name, run.data.examples, noise, run.train.seed, run.data.classes);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  const std::string& out = flags.out;
  write_text_dataset(out, data);
  std::printf("%s: %d examples of %s (%d classes, noise %g) written\n", out.c_str(), data.size(), name.c_str(),
              data.num_classes, noise);
  return 0;
}

}  // namespace mlp::cli
