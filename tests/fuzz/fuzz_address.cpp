// libFuzzer target: the page address (`data=circles&layers=6,6&act=relu,relu&lr=0.2`), read
// as the page reads it (decode_config: never throws, bad parts become notes) and as `mlp
// evaluate` reads a model's "run" field (with_diff: std::invalid_argument for a bad part).
// The set-up decode_config gives must write an address that reads back to the same set-up.
#include "config/properties.hpp"

#include "fuzz_util.hpp"

#include <cstdlib>
#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = mlp_fuzz::as_text(data, size);
  std::vector<std::string> notes;
  const mlp::RunConfig config = mlp::decode_config(text, notes);
  mlp_fuzz::parses<std::invalid_argument>([&] { mlp::with_diff(mlp::cli_defaults(), text); });
  std::vector<std::string> notes_again;
  const std::string address = mlp::encode_config(config);
  if (mlp::encode_config(mlp::decode_config(address, notes_again)) != address) std::abort();
  return 0;
}
