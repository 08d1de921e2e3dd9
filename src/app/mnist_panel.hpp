// The MNIST tab: MNIST loaded when the student first opens it (progress bar, clear errors),
// a preset and how many training digits to use, and the run itself: a ui::Run on the prepared
// digits with the playground's views of it (ui::RunViews), so that the top bar (steps, play,
// status), the network and matrix views, the chain rule and the curves work on MNIST as on the
// toy sets, while play trains within the frame budget. The controls and curves go in the left column;
// the playground's views, the MNIST views and the tuning panel in tabs in the body.
#pragma once

#include "app/mnist_data.hpp"
#include "app/mnist_views.hpp"
#include "app/run_views.hpp"
#include "app/tuning_panel.hpp"
#include "nn/predictions.hpp"
#include "config/presets.hpp"
#include "nn/run.hpp"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>
#include <utility>

namespace mlp {

class MnistPanel {
 public:
  MnistPanel();
  // This frame's work (every frame): loading, training, test predictions, the search.
  void update(double frame_seconds);
  void show_controls();            // loading (started when first shown), preset, training, status, curves
  void show_views();               // the playground's views, the MNIST views and the tuning panel, in tabs
  nlohmann::ordered_json state() const;              // for window.mlp.state.mnist (browser tests)
  // The MNIST run (the top bar and shortcuts drive it while the tab is shown); null until the
  // digits are ready.
  ui::Run* run() { return run_.has_session() ? &run_ : nullptr; }

 private:
  using Key = std::pair<long, long>;  // (session serial, session version): changes with every step
  void show_loading();
  void show_setup();
  void show_training();
  void show_network_tab();
  void choose_preset(int index);
  void use_sets();           // (re)builds the compact sets (a byte per pixel) for the chosen size and preset
  void reset_run();          // fresh weights from the preset and the seed
  void refresh_predictions(double budget_seconds);  // the test predictions the views show
  bool running() const { return run_.busy(); }
  long length() const;       // the run's updates: the preset's iterations, or its epochs in batches
  bool finished() const;     // that many updates are done
  Key key() const { return {run_.serial(), run_.has_session() ? run_.session().version() : -1}; }
  MnistViewInput view_input() const;

  MnistLoader loader_;
  std::shared_ptr<const DataSplit> digits_;  // train N x 784 and test 10000 x 784, compact (bytes + scaling table); null until ready
  Scaler scaler_;                 // fitted on the training digits; for the drawn digit too
  int train_size_ = 60000;        // training digits used
  int preset_ = 0;                // index in presets_for("mnist")
  int epochs_ = 0, iterations_ = 0;  // the run's length (from the preset, editable)
  std::string error_;             // set-up problem shown in the panel

  ui::Run run_;                   // the run, as the playground's top bar drives it (on digits_)
  ui::RunViews views_;            // the playground's views of it (network, matrices, chain rule, curves)
  Matrix<float> start_W1_;        // first-layer weights at the start of the run
  double train_ms_ = 0;           // training work in the last frame
  double train_seconds_ = 0;      // total training time of this run
  std::unique_ptr<Predictions> predictions_;  // on all test digits: what the views show
  std::unique_ptr<Predictions> pending_;      // a newer snapshot being computed
  Key predictions_key_{-1, -1};               // the run's key when predictions_ was taken
  Key pending_key_{-1, -1};                   // and pending_
  long predictions_iteration_ = 0, pending_iteration_ = 0;  // the iteration each was taken at
  long snapshots_ = 0;                        // snapshots shown so far (the views' cache key)
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
