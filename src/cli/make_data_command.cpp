// `mlp make-data NAME`: a generated toy set written in the lecture's text format
// (header "x1 x2 label", one example per line), e.g. the files under assets/.
#include "cli/commands.hpp"
#include "data/loaders.hpp"
#include "data/toy.hpp"

#include <cstdio>
#include <limits>
#include <stdexcept>

namespace mlp::cli {

const std::vector<FlagSpec>& make_data_flags() {
  static const std::vector<FlagSpec> t = {
      {"n", "N", "examples (default 200)"},
      {"noise", "X", "jitter (default: the set's own)"},
      {"classes", "K", "class count for sets that allow several (default: the set's own)"},
      {"seed", "S", "seed (default 1)"},
      {"out", "FILE", "file to write (required)"},
  };
  return t;
}

int run_make_data(const Args& args) {
  const Flags flags(make_data_flags(), args);
  if (flags.positional().size() != 1) throw UsageError("give exactly one data set name");
  const std::string name = flags.positional()[0];
  if (!flags.has("out")) throw UsageError("--out FILE is required");
  double noise = flags.number("noise", -1, 0.0, 100.0);
  for (const auto& spec : toy_specs())
    if (spec.name == name && noise < 0) noise = spec.default_noise;
  Dataset data;
  try {
    data = make_toy(name, static_cast<int>(flags.integer("n", 200, 1, 10000000)), noise,
                    static_cast<uint64_t>(flags.integer("seed", 1, 0, std::numeric_limits<long>::max())),
                    static_cast<int>(flags.integer("classes", 0, 2, 100)));
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  const std::string out = flags.text("out", "");
  write_text_dataset(out, data);
  std::printf("%s: %d examples of %s (%d classes, noise %g) written\n", out.c_str(), data.size(), name.c_str(),
              data.num_classes, noise);
  return 0;
}

}  // namespace mlp::cli
