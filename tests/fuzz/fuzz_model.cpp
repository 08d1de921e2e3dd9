// libFuzzer target: the model file reader (JSON via nlohmann-json, then every field checked).
// A ModelError is the documented answer to a bad file. A model that loads must save and load
// again to the same spec, weights and run text.
#include "nn/model_io.hpp"

#include "fuzz_util.hpp"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mlp_fuzz::parses<mlp::ModelError>([&] {
    std::string run, run_again;
    const mlp::Network<float> net = mlp::model_from_json<float>(mlp_fuzz::as_text(data, size), &run);
    const mlp::Network<float> again = mlp::model_from_json<float>(mlp::model_to_json(net, run), &run_again);
    if (run_again != run || again.spec.describe() != net.spec.describe() || again.W.size() != net.W.size())
      std::abort();
    for (size_t l = 0; l < net.W.size(); ++l)
      if (again.W[l] != net.W[l]) std::abort();
  });
  return 0;
}
