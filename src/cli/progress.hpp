// Progress output of `mlp train`: on a terminal a single redrawn bar
// ("[#####-----] 1234/2000 ..."); in both cases a line per evaluation at the end of
// every epoch (runs of up to 20 epochs) or every tenth of the run, so logs stay short.
#pragma once

#include "nn/metrics.hpp"

#include <cstdio>
#include <string>

namespace mlp::cli {

struct ProgressStatus {
  long iteration = 0, total = 0;   // updates done / planned
  double epoch_fraction = 0;       // epochs done, fractional
  double total_epochs = 0;         // epochs the whole run spans, fractional
  double batch_loss = 0;           // last batch's loss
  double seconds = 0;              // since the start of training
};

// "[#########---------]  900/2000  epoch 0.48  batch loss 0.3124  12.1s"
std::string format_bar(const ProgressStatus& s, int width = 24);

// "acc 91.20%", or for a regression (the score is R²) "r2 0.9712".
std::string score_text(double score, bool regression);

// "iter  900/2000  epoch 0.48  train loss 0.3011 acc 91.20%  test loss 0.2954 acc 91.60%  12.1s"
std::string format_point(const HistoryPoint& p, long total, double seconds, bool regression = false);

class ProgressPrinter {
 public:
  ProgressPrinter(std::FILE* out, bool terminal, bool regression = false)
      : out_(out), terminal_(terminal), regression_(regression) {}
  // After every update: redraws the bar (at most ~10 times a second) on a terminal.
  void on_step(const ProgressStatus& s);
  // After a history point: prints it as a line when an epoch ended in a run of at most
  // 20 epochs, or another tenth of the run passed (always the first and last point).
  void on_point(const HistoryPoint& p, const ProgressStatus& s, bool epoch_ended);
  // Clears the bar so that the next output starts on a clean line.
  void finish();

 private:
  void clear_bar();
  std::FILE* out_;
  bool terminal_;
  bool regression_;
  bool bar_shown_ = false;
  double last_draw_ = -1;
  long last_tenth_ = 0;
};

}  // namespace mlp::cli
