// The MNIST tab: MNIST loaded when the student first opens it (progress bar, clear errors),
// a preset and how many training digits to use, training that never freezes the page
// (batches run within a time budget per frame), the status line and the curves (controls,
// a left column); and the MNIST views and the tuning panel in tabs (the body).
#pragma once

#include "app/mnist_data.hpp"
#include "app/mnist_views.hpp"
#include "app/tuning_panel.hpp"
#include "nn/json.hpp"
#include "nn/predictions.hpp"
#include "nn/presets.hpp"
#include "nn/run.hpp"

#include <memory>
#include <string>

namespace mlp {

class MnistPanel {
 public:
  MnistPanel();
  void update();                   // this frame's work (every frame): loading, training, test predictions, the search
  void show_controls();            // loading (started when first shown), preset, training, status, curves
  void show_views();               // the MNIST views and the tuning panel, in tabs
  Json state() const;              // for window.mlp.state.mnist (browser tests)

 private:
  void show_loading();
  void show_setup();
  void show_training();
  void choose_preset(int index);
  void use_sets();           // (re)builds the float sets for the chosen size and preset
  void reset_run();          // fresh weights from the preset and the seed
  void advance(double budget_seconds);  // training, then the test predictions, within a time budget
  void refresh_predictions(double budget_seconds);  // the test predictions the views show
  MnistViewInput view_input() const;

  MnistLoader loader_;
  std::unique_ptr<MnistSets> sets_;
  int train_size_ = 60000;        // training digits used
  int preset_ = 0;                // index in presets_for("mnist")
  int epochs_ = 0, iterations_ = 0;  // the run's length (from the preset, editable)
  std::string error_;             // set-up problem shown in the panel

  Dataset test_sample_;           // the first 1,000 test digits, for the curves
  std::unique_ptr<Trainer<float>> trainer_;
  std::unique_ptr<TrainingRun<float>> run_;
  Matrix<float> start_W1_;        // first-layer weights at the start of the run
  bool running_ = false;
  long version_ = 0;              // bumped by every weight change
  double train_ms_ = 0;           // training work in the last frame
  double train_seconds_ = 0;      // total training time of this run
  std::unique_ptr<Predictions> predictions_;  // on all test digits: what the views show
  std::unique_ptr<Predictions> pending_;      // a newer snapshot being computed
  long predictions_version_ = -1;             // network version of predictions_
  long pending_version_ = -1;                 // and of pending_
  long predictions_iteration_ = 0, pending_iteration_ = 0;  // the iteration each was taken at
  double snapshot_time_ = 0;                  // when the last snapshot was started (steady_seconds)

  GalleryState gallery_;
  ConfusionState confusion_;
  MistakesState mistakes_;
  HiddenUnitsState units_;
  ForwardState forward_;
  int followed_choice_ = -1;      // the gallery digit the forward pass last followed
  DrawState draw_;
  TuningPanel tuning_;
};

}  // namespace mlp
