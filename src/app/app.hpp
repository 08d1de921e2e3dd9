// App: the playground's UI, drawn with Dear ImGui once per frame. Platform-independent:
// src/platform owns the window, GL, ImGui backends, font and main loop and calls frame().
//
// First page (issue 2 §5): train a small network on one toy set with a "Step one batch"
// button; show the loss, its curve, and the data with the network's decision regions.
#pragma once

#include "data/dataset.hpp"
#include "nn/metrics.hpp"
#include "nn/trainer.hpp"

#include <memory>
#include <string>
#include <vector>

namespace mlp {

class App {
 public:
  App();
  void frame();  // draws all windows (between ImGui::NewFrame and ImGui::Render)

 private:
  void reset();                 // new data and fresh weights from the seed
  void after_step();            // re-evaluates and records the history
  void show_training_window();
  void show_data_window();
  void publish_state() const;   // window.mlp.state for the browser tests

  Dataset data_;                            // N x 2 toy set
  NetworkSpec spec_;
  TrainConfig config_;
  std::unique_ptr<Trainer<float>> trainer_;
  Evaluation eval_;                         // on the whole training set, after the last step
  std::vector<float> loss_history_;         // training loss after each step (index 0: start)
  std::vector<int> region_classes_;         // predicted class per cell of the region grid
  bool running_ = false;                    // "Run": one epoch per frame
  std::string error_;                       // shown instead of the UI when set-up failed
};

}  // namespace mlp
