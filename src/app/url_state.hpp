// The set-up in the page address: one property table drives both writing and reading, so a
// copied link reopens the same run (same data, seed, network and settings), e.g.
//   #data=circles&n=200&noise=0.1&layers=4,4&act=relu,relu&drop=0,0&out=softmax&lr=0.1&batch=10&seed=1
// Reading starts from the defaults; each unknown key or bad value is skipped with a message.
#pragma once

#include "app/run_setup.hpp"

#include <string>
#include <vector>

namespace mlp::ui {

struct UrlProperty {
  const char* key;                                              // name in the address
  const char* meaning;                                          // for the help text
  std::string (*write)(const RunSetup&);                        // the value as text
  std::string (*read)(RunSetup&, const std::string& value);     // "" when accepted, else why not
};

// The table, in reading order (layers before their activations and dropout).
const std::vector<UrlProperty>& url_properties();

// "key=value&key=value..." for every property.
std::string encode_setup(const RunSetup& setup);

// The set-up an address describes; messages for what was skipped are appended to `notes`.
RunSetup decode_setup(const std::string& text, std::vector<std::string>& notes);

}  // namespace mlp::ui
