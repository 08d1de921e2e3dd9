// `mlp dump`: every matrix of one training step as JSON, for a given config and
// seed: the weights before, the batch X and Y, per layer Z, H, the dropout mask,
// dZ, dH and dW, Y_hat and the loss, and the weights after the update. One matrix row per
// line; a NaN or infinity (a diverged step) is written as null.
#include "cli/commands.hpp"
#include "cli/data_source.hpp"
#include "nn/json_text.hpp"

#include <cstdio>
#include <fstream>

namespace mlp::cli {

namespace {

using json = nlohmann::ordered_json;  // ordered: members are written in the order set

json matrix_json(const Matrix<float>& M) {
  json rows = json::array();
  for (Eigen::Index r = 0; r < M.rows(); ++r) {
    json row = json::array();
    for (Eigen::Index c = 0; c < M.cols(); ++c) row.push_back(static_cast<double>(M(r, c)));
    rows.push_back(std::move(row));
  }
  return rows;
}

json spec_json(const NetworkSpec& spec) {
  json hidden = json::array();
  for (const auto& h : spec.hidden)
    hidden.push_back({{"units", h.units}, {"activation", activation_name(h.activation)}, {"dropout", h.dropout}});
  return {{"description", spec.describe()}, {"inputs", spec.inputs}, {"hidden", std::move(hidden)},
          {"outputs", spec.outputs}, {"output", output_name(spec.output)},
          {"loss", loss_name(spec.output)}, {"init", init_name(spec.init)}};
}

// Layer l's matrices after a full forward and backward pass (1-based "layer" as in the lecture).
json layer_json(const Trainer<float>& t, int l) {
  const Pass<float>& p = t.pass();
  const bool hidden = l + 1 < t.network().spec.layers();
  json j = {{"layer", l + 1}, {"kind", hidden ? "hidden" : "output"}};
  j["W_before"] = matrix_json(t.weights_before_update()[l]);
  j["input"] = matrix_json(p.input_of(l));
  j["Z"] = matrix_json(p.Z[l]);
  j["H"] = matrix_json(p.H[l]);
  j["M"] = l < static_cast<int>(p.M.size()) && p.M[l].size() > 0 ? matrix_json(p.M[l]) : json();
  j["dZ"] = matrix_json(p.dZ[l]);
  j["dH"] = hidden ? matrix_json(p.dH[l]) : json();
  j["dW"] = matrix_json(p.dW[l]);
  j["W_after"] = matrix_json(t.network().W[l]);
  return j;
}

}  // namespace

namespace {

// The run configuration's flags (so any preset works; its run length is ignored), the step and the file.
struct DumpFlags {
  Command command{"Writes every matrix of one training step (weights before, X, Y, Z/H/dropout masks per\n"
                  "layer, Y_hat, loss, dZ/dH/dW, weights after) as JSON.",
                  "mlp dump"};
  ConfigFlags config{command.app, true};
  std::string mnist_dir, out;
  long step = 1;

  DumpFlags() {
    CLI::App& app = command.app;
    add_mnist_dir(app, mnist_dir);
    app.add_option("--step", step, "dump the K-th update (default 1: the first)")
        ->type_name("K")
        ->check(CLI::Range(1L, 100000000L));
    app.add_option("--out", out, "file to write")->type_name("FILE.json")->required();
  }
};

}  // namespace

std::string dump_usage() { return DumpFlags().command.app.help(); }

int run_dump(const Args& args) {
  DumpFlags flags;
  parse(flags.command.app, args);
  RunConfig run = flags.config.config(cli_defaults());
  const long step = flags.step;
  const DataSplit data = load_data(run.data, run.train.seed, flags.mnist_dir);
  const NetworkSpec spec = checked_spec(run, data.train);
  const TrainConfig config = checked_config(run.train);

  Trainer<float> trainer(spec, data.train, config);
  for (long k = 1; k < step; ++k) trainer.step_batch();
  trainer.step_batch();
  const Pass<float>& p = trainer.pass();
  std::vector<int> indices = trainer.batch_indices();
  json layers = json::array();
  for (int l = 0; l < spec.layers(); ++l) layers.push_back(layer_json(trainer, l));

  json doc = {{"format", "mlp-playground-step"}, {"version", 1}};
  doc["data"] = data.description;
  doc["spec"] = spec_json(spec);
  doc["config"] = {{"learning_rate", config.learning_rate}, {"batch_size", config.batch_size},
                   {"optimizer", config.optimizer.describe()},
                   {"l1", config.l1}, {"l2", config.l2}, {"shuffle", config.shuffle}, {"seed", config.seed}};
  doc["iteration"] = trainer.iteration();
  doc["batch_indices"] = indices;
  doc["X"] = matrix_json(p.X);
  doc["Y"] = matrix_json(p.Y);
  doc["layers"] = std::move(layers);
  doc["Y_hat"] = matrix_json(p.Yhat());
  doc["loss"] = static_cast<double>(p.loss);

  const std::string& out = flags.out;
  std::ofstream f(out);
  f << dump_rows(doc) << '\n';
  if (!f.good()) throw std::runtime_error(out + ": cannot write the dump");
  std::printf("%s: update %ld of %s on a batch of %zu, loss %.6f, %d layers written\n", out.c_str(),
              trainer.iteration(), spec.describe().c_str(), indices.size(), static_cast<double>(p.loss),
              spec.layers());
  return 0;
}

}  // namespace mlp::cli
