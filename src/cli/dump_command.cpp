// `mlp dump`: every matrix of one training step as JSON, for a given config and
// seed: the weights before, the batch X and Y, per layer Z, H, the dropout mask,
// dZ, dH and dW, Y_hat and the loss, and the weights after the update.
#include "cli/commands.hpp"
#include "cli/data_source.hpp"
#include "cli/options.hpp"
#include "cli/presets.hpp"
#include "nn/json.hpp"

#include <cstdio>
#include <fstream>

namespace mlp::cli {

namespace {

Json matrix_json(const Matrix<float>& M) {
  Json::Array rows;
  for (Eigen::Index r = 0; r < M.rows(); ++r) {
    Json::Array row;
    for (Eigen::Index c = 0; c < M.cols(); ++c) row.push_back(Json(static_cast<double>(M(r, c))));
    rows.push_back(Json(std::move(row)));
  }
  return Json(std::move(rows));
}

Json spec_json(const NetworkSpec& spec) {
  Json::Array hidden;
  for (const auto& h : spec.hidden)
    hidden.push_back(Json::object({{"units", h.units}, {"activation", activation_name(h.activation)},
                                   {"dropout", h.dropout}}));
  return Json::object({{"description", spec.describe()}, {"inputs", spec.inputs}, {"hidden", Json(hidden)},
                       {"outputs", spec.outputs}, {"output", output_name(spec.output)},
                       {"loss", loss_name(spec.output)}, {"init", init_name(spec.init)}});
}

// Layer l's matrices after a full forward and backward pass (1-based "layer" as in the lecture).
Json layer_json(const Trainer<float>& t, int l) {
  const Pass<float>& p = t.pass();
  const bool hidden = l + 1 < t.network().spec.layers();
  Json j = Json::object({{"layer", l + 1}, {"kind", hidden ? "hidden" : "output"}});
  j.set("W_before", matrix_json(t.weights_before_update()[l]));
  j.set("input", matrix_json(p.input_of(l)));
  j.set("Z", matrix_json(p.Z[l]));
  j.set("H", matrix_json(p.H[l]));
  j.set("M", l < static_cast<int>(p.M.size()) && p.M[l].size() > 0 ? matrix_json(p.M[l]) : Json());
  j.set("dZ", matrix_json(p.dZ[l]));
  j.set("dH", hidden ? matrix_json(p.dH[l]) : Json());
  j.set("dW", matrix_json(p.dW[l]));
  j.set("W_after", matrix_json(t.network().W[l]));
  return j;
}

}  // namespace

// Every flag of `mlp train` (so any preset works; its run length and outputs are ignored).
std::vector<FlagSpec> dump_flags() {
  return join_flags({train_flag_specs(),
                     {{"step", "K", "dump the K-th update (default 1: the first)"},
                      {"out", "FILE.json", "file to write (required)"}}});
}

int run_dump(const Args& raw_args) {
  const Flags flags(dump_flags(), expand_presets(raw_args));
  if (!flags.positional().empty()) throw UsageError("unexpected argument '" + flags.positional()[0] + "'");
  if (!flags.has("out")) throw UsageError("--out FILE.json is required");
  const long step = flags.integer("step", 1, 1, 100000000);
  const DataSplit data = load_data(read_data_options(flags));
  const NetworkSpec spec = checked_spec(read_network_options(flags), data.train);
  const TrainConfig config = checked_config(read_train_config(flags));

  Trainer<float> trainer(spec, data.train, config);
  for (long k = 1; k < step; ++k) trainer.step_batch();
  trainer.step_batch();
  const Pass<float>& p = trainer.pass();
  std::vector<int> indices = trainer.batch_indices();
  Json::Array index_json;
  for (int i : indices) index_json.push_back(Json(i));
  Json::Array layers;
  for (int l = 0; l < spec.layers(); ++l) layers.push_back(layer_json(trainer, l));

  Json doc = Json::object({{"format", "mlp-playground-step"}, {"version", 1}});
  doc.set("data", data.description);
  doc.set("spec", spec_json(spec));
  doc.set("config", Json::object({{"learning_rate", config.learning_rate}, {"batch_size", config.batch_size},
                                  {"momentum", config.momentum}, {"shuffle", config.shuffle},
                                  {"seed", static_cast<double>(config.seed)}}));
  doc.set("iteration", static_cast<double>(trainer.iteration()));
  doc.set("batch_indices", Json(index_json));
  doc.set("X", matrix_json(p.X));
  doc.set("Y", matrix_json(p.Y));
  doc.set("layers", Json(layers));
  doc.set("Y_hat", matrix_json(p.Yhat()));
  doc.set("loss", static_cast<double>(p.loss));

  const std::string out = flags.text("out", "");
  std::ofstream f(out);
  f << doc.dump(1) << '\n';
  if (!f.good()) throw std::runtime_error(out + ": cannot write the dump");
  std::printf("%s: update %ld of %s on a batch of %zu, loss %.6f, %d layers written\n", out.c_str(),
              trainer.iteration(), spec.describe().c_str(), indices.size(), static_cast<double>(p.loss),
              spec.layers());
  return 0;
}

}  // namespace mlp::cli
