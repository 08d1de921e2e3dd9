// The MNIST panel: loading, set-up, time-sliced training, status, curves and the views; see mnist_panel.hpp.
#include "app/mnist_panel.hpp"

#include "app/plot.hpp"

#include "data/preprocess.hpp"
#include "nn/search.hpp"
#include "platform/js_bridge.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace mlp {
namespace {

constexpr double kFrameBudget = 0.012;        // seconds of training work per frame (60 frames/s leaves ~4 ms to draw)
constexpr double kPredictBudget = 0.003;      // extra per frame for the test predictions while training
constexpr int kPredictChunk = 250;            // test digits per prediction step
constexpr double kPredictEvery = 2.0;         // seconds between test-prediction snapshots while training
constexpr int kSampleSize = 1000;             // test digits in the curves' sample
constexpr int kTrainEvalLimit = 500;          // training digits in the curves' training loss
constexpr int kPointsPerEpoch = 10;           // curve points per epoch (each: 1,500 digits forward in one frame)
struct SizeChoice {
  int digits;
  const char* name;
};
constexpr SizeChoice kSizes[] = {{10000, "10,000 (quick)"}, {20000, "20,000"}, {60000, "60,000 (all)"}};
const ImVec4 kProblem(0.75f, 0.1f, 0.1f, 1.0f);
constexpr ImU32 kTrainColour = IM_COL32(25, 85, 160, 255);  // as in the playground's curves
constexpr ImU32 kTestColour = IM_COL32(225, 110, 20, 255);
constexpr ImU32 kBatchColour = IM_COL32(175, 178, 188, 255);

void publish_last(const char* id) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  bridge::publish_widget(id, a.x, a.y, b.x, b.y);
}

Json number_or_null(double v) { return std::isfinite(v) ? Json(v) : Json(); }

const RunPreset& mnist_preset(int index) { return *presets_for("mnist").at(static_cast<size_t>(index)); }

std::vector<int> first_rows(int count) {
  std::vector<int> rows(static_cast<size_t>(count));
  std::iota(rows.begin(), rows.end(), 0);
  return rows;
}

// One history field as a plot series (x = iteration).
// Batches between two curve points.
long eval_interval(const Trainer<float>& t) { return std::max(1, t.batches_per_epoch() / kPointsPerEpoch); }

// SameLine() when a button labelled `label` still fits on this line.
void same_line_if_fits(const char* label) {
  const float needed = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().ItemSpacing.x;
  if (ImGui::GetItemRectMax().x + needed < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

ui::Series history_series(const History& h, const char* name, ImU32 colour, double HistoryPoint::*field,
                          float thickness = 2.0f) {
  ui::Series series{name, colour, {}, {}, thickness};
  for (const HistoryPoint& p : h.points) {
    series.x.push_back(static_cast<double>(p.iteration));
    series.y.push_back(p.*field);
  }
  return series;
}

}  // namespace

MnistPanel::MnistPanel() {
  const RunPreset& p = mnist_preset(preset_);
  epochs_ = p.schedule.epochs;
  iterations_ = static_cast<int>(p.schedule.iterations);
}

void MnistPanel::update() {
  loader_.poll();
  if (loader_.state() == MnistLoader::State::Ready && !sets_ && error_.empty()) use_sets();
  if (tuning_.busy()) running_ = false;  // one thing at a time on the page's budget
  advance(kFrameBudget);
  tuning_.advance(sets_ ? &sets_->train : nullptr, sets_ ? &sets_->test : nullptr, kFrameBudget);
}

void MnistPanel::show_controls() {
  if (loader_.state() == MnistLoader::State::Idle) loader_.start();  // shown: the student picked MNIST
  show_loading();
  if (sets_) {
    show_setup();
    show_training();
  }
}

void MnistPanel::show_loading() {
  switch (loader_.state()) {
    case MnistLoader::State::Idle:
      if (ImGui::Button("Load MNIST (11.6 MB)")) loader_.start();
      publish_last("mnist_load");
      return;
    case MnistLoader::State::Fetching:
    case MnistLoader::State::Decoding:
      ImGui::ProgressBar(static_cast<float>(loader_.fraction()), ImVec2(-1, 0), loader_.progress_text().c_str());
      publish_last("mnist_progress");
      return;
    case MnistLoader::State::Failed:
      ImGui::TextColored(kProblem, "MNIST could not be loaded:");
      for (const std::string& e : loader_.errors()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kProblem);
        ImGui::TextWrapped("• %s", e.c_str());
        ImGui::PopStyleColor();
      }
      ImGui::TextWrapped("%s", loader_.hint().c_str());
      if (ImGui::Button("Try again")) loader_.start();
      publish_last("mnist_retry");
      return;
    case MnistLoader::State::Ready:
      ImGui::TextDisabled("%s", loader_.progress_text().c_str());
      if (!error_.empty()) ImGui::TextColored(kProblem, "%s", error_.c_str());
      return;
  }
}

void MnistPanel::use_sets() {
  const RunPreset& p = mnist_preset(preset_);
  try {
    running_ = false;
    run_.reset();
    trainer_.reset();
    predictions_.reset();
    pending_.reset();
    pending_version_ = -1;
    sets_.reset();  // frees the old floats before building the new ones
    sets_ = std::make_unique<MnistSets>(build_mnist_sets(loader_.bytes(), train_size_, p.scaling));
    test_sample_ = take(sets_->test, first_rows(std::min(kSampleSize, sets_->test.size())));
    error_.clear();
    reset_run();
  } catch (const std::exception& e) {
    sets_.reset();
    error_ = std::string("Could not prepare the digits: ") + e.what();
  }
}

void MnistPanel::reset_run() {
  const RunPreset& p = mnist_preset(preset_);
  RunSchedule schedule = p.schedule;
  schedule.epochs = std::max(1, epochs_);
  schedule.iterations = p.schedule.iterations > 0 ? std::max(1, iterations_) : 0;
  schedule.train_eval_limit = kTrainEvalLimit;
  try {
    trainer_ = std::make_unique<Trainer<float>>(p.spec(sets_->train.features(), sets_->train.num_classes),
                                                sets_->train, p.config);
    schedule.eval_every = eval_interval(*trainer_);
    start_W1_ = trainer_->network().W.front();
    run_ = std::make_unique<TrainingRun<float>>(*trainer_, &test_sample_, schedule);
    error_.clear();
  } catch (const std::exception& e) {
    run_.reset();
    trainer_.reset();
    error_ = std::string("Could not set up the network: ") + e.what();
  }
  running_ = false;
  train_seconds_ = 0;
  ++version_;
  pending_.reset();
  pending_version_ = -1;
}

void MnistPanel::advance(double budget_seconds) {
  const double start = steady_seconds();
  train_ms_ = 0;
  if (running_ && run_ && !run_->finished()) {
    do {
      run_->step();
      ++version_;
    } while (!run_->finished() && steady_seconds() - start < budget_seconds);
    const double spent = steady_seconds() - start;
    train_ms_ = 1000 * spent;
    train_seconds_ += spent;
    if (run_->finished()) running_ = false;
  }
  refresh_predictions(running_ ? kPredictBudget : std::max(0.0, budget_seconds - (steady_seconds() - start)));
}

void MnistPanel::refresh_predictions(double budget_seconds) {
  if (!trainer_) return;
  // A new snapshot: when the weights changed and training rests, or once per epoch while it runs.
  const bool stale = predictions_version_ != version_ && pending_version_ != version_;
  const double now = steady_seconds();
  const bool due = !running_ || !predictions_ || (!pending_ && now - snapshot_time_ > kPredictEvery);
  if (stale && due) {  // at rest this replaces an unfinished older snapshot
    pending_ = std::make_unique<Predictions>(trainer_->network(), sets_->test);
    pending_version_ = version_;
    pending_iteration_ = trainer_->iteration();
    snapshot_time_ = now;
  }
  Predictions* filling = pending_ ? pending_.get() : (predictions_ && !predictions_->finished() ? predictions_.get() : nullptr);
  if (filling == nullptr) return;
  const double start = steady_seconds();
  do {
    filling->step(kPredictChunk);
  } while (!filling->finished() && steady_seconds() - start < budget_seconds);
  if (pending_ && (pending_->finished() || !predictions_)) {  // the first snapshot is shown while it fills
    predictions_ = std::move(pending_);
    predictions_version_ = pending_version_;
    predictions_iteration_ = pending_iteration_;
    pending_version_ = -1;
  }
}

MnistViewInput MnistPanel::view_input() const {
  MnistViewInput in;
  in.net = &predictions_->network();
  in.version = predictions_version_;
  in.predictions = predictions_.get();
  in.pixels = DigitPixels{loader_.bytes().test_images.data() + 16, static_cast<int>(sets_->test.size())};
  in.scaler = &sets_->scaler;
  in.start_W1 = &start_W1_;
  in.test = &sets_->test;
  in.last_pass = trainer_ ? &trainer_->pass() : nullptr;
  return in;
}

void MnistPanel::choose_preset(int index) {
  const bool rescale = mnist_preset(index).scaling != mnist_preset(preset_).scaling;
  preset_ = index;
  epochs_ = mnist_preset(index).schedule.epochs;
  iterations_ = static_cast<int>(mnist_preset(index).schedule.iterations);
  if (rescale) use_sets();  // the digits are scaled differently
  else reset_run();
}

void MnistPanel::show_setup() {
  const std::vector<const RunPreset*> presets = presets_for("mnist");
  ImGui::BeginDisabled(running_);
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool presets_open = ImGui::BeginCombo("##preset", presets[static_cast<size_t>(preset_)]->title.c_str());
  publish_last("mnist_preset");
  if (presets_open) {
    for (int i = 0; i < static_cast<int>(presets.size()); ++i) {
      const RunPreset& choice = *presets[static_cast<size_t>(i)];
      if (ImGui::Selectable(choice.title.c_str(), i == preset_) && i != preset_) choose_preset(i);
      publish_last(("mnist_preset_" + choice.name).c_str());
    }
    ImGui::EndCombo();
  }
  const RunPreset& p = mnist_preset(preset_);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", p.summary.c_str());
  ImGui::PopStyleColor();

  ImGui::SetNextItemWidth(170);
  const char* size_name = kSizes[2].name;
  for (const SizeChoice& c : kSizes)
    if (c.digits == train_size_) size_name = c.name;
  const bool sizes_open = ImGui::BeginCombo("training digits", size_name);
  publish_last("mnist_size");
  if (sizes_open) {
    for (const SizeChoice& c : kSizes) {
      if (ImGui::Selectable(c.name, c.digits == train_size_) && c.digits != train_size_) {
        train_size_ = c.digits;
        use_sets();
      }
      publish_last(("mnist_size_" + std::to_string(c.digits)).c_str());
    }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(170);
  if (p.schedule.iterations > 0) {
    if (ImGui::InputInt("iterations", &iterations_, 100, 1000)) {
      iterations_ = std::clamp(iterations_, 1, 1000000);
      reset_run();
    }
  } else if (ImGui::InputInt("epochs", &epochs_)) {
    epochs_ = std::clamp(epochs_, 1, 1000);
    reset_run();
  }
  publish_last("mnist_length");
  ImGui::EndDisabled();
  if (trainer_) {
    ImGui::TextWrapped("%s", trainer_->network().spec.describe().c_str());
    ImGui::TextWrapped("inputs %s", sets_->scaler.describe().c_str());
  }
}

void MnistPanel::show_training() {
  if (!run_) return;
  ImGui::Separator();
  ImGui::BeginDisabled(run_->finished() || tuning_.busy());
  if (ImGui::Button(running_ ? "❚❚ Pause###train" : "▶ Train###train")) running_ = !running_;
  publish_last("mnist_train");
  same_line_if_fits("Step one batch");
  if (ImGui::Button("Step one batch")) {
    run_->step();
    ++version_;
  }
  publish_last("mnist_step");
  ImGui::EndDisabled();
  same_line_if_fits("↺ Reset");
  if (ImGui::Button("↺ Reset")) reset_run();
  publish_last("mnist_reset");
  if (tuning_.busy()) ImGui::TextDisabled("(the tuning search is running: stop it to train here)");

  const Trainer<float>& t = *trainer_;
  const long total = run_->total_iterations();
  if (run_->finished() && !run_->diverged()) {
    ImGui::Text("Finished: %ld iterations, %d epoch%s", t.iteration(), t.epoch(), t.epoch() == 1 ? "" : "s");
  } else {
    ImGui::Text("Epoch %d · batch %d of %d", t.epoch() + 1, t.batch() + 1, t.batches_per_epoch());
    ImGui::Text("Iteration %ld of %ld", t.iteration(), total);
  }
  const HistoryPoint& last = run_->history().points.back();
  if (t.iteration() > 0) ImGui::Text("Loss of the last batch %.4f", static_cast<double>(t.last_batch_loss()));
  ImGui::Text("On %d test digits: accuracy %.2f %%", test_sample_.size(), 100 * last.test_accuracy);
  if (train_seconds_ > 0) {
    ImGui::TextDisabled("%.0f digits/s while training", t.iteration() * t.batch_size() / train_seconds_);
    if (running_) ImGui::TextDisabled("(%.1f ms of this frame)", train_ms_);
  }
  if (run_->diverged()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kProblem);
    ImGui::TextWrapped("%s", run_->divergence_message().c_str());
    ImGui::PopStyleColor();
  }
  if (predictions_ && predictions_->finished() && predictions_version_ == version_ && run_->finished()) {
    const Predictions& p = *predictions_;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.12f, 0.5f, 0.24f, 1));
    ImGui::TextWrapped("Test accuracy %.2f %% on all %d test digits", 100 * p.accuracy(), p.size());
    ImGui::PopStyleColor();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("(%.2f %% on the last %d, the lecture's split)", 100 * p.accuracy(p.size() / 2, p.size()),
                       p.size() - p.size() / 2);
    ImGui::PopStyleColor();
  }

  // Curves: the loss and the accuracy on samples of 1,000 digits (a whole pass would stall the page).
  const History& h = run_->history();
  const float plot_h = std::max(110.0f, (ImGui::GetContentRegionAvail().y - 2 * ImGui::GetTextLineHeightWithSpacing()) / 2);
  ui::PlotOptions o;
  o.y_format = "%.4f";
  o.publish_id = "mnist_loss_curve";
  ui::line_plot("##mnist_loss", {history_series(h, "batch", kBatchColour, &HistoryPoint::batch_loss, 1.0f),
                                 history_series(h, "train", kTrainColour, &HistoryPoint::train_loss),
                                 history_series(h, "test", kTestColour, &HistoryPoint::test_loss)},
                o, ImVec2(0, plot_h));
  ui::PlotOptions a;
  a.y_label = "accuracy";
  a.fixed_y = true;
  a.y_min = 0;
  a.y_max = 1;
  a.y_format = "%.3f";
  ui::line_plot("##mnist_accuracy", {history_series(h, "train", kTrainColour, &HistoryPoint::train_accuracy),
                                     history_series(h, "test", kTestColour, &HistoryPoint::test_accuracy)},
                a, ImVec2(0, plot_h));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("A point every %d batches: train on %d training digits, test on %d test digits.",
                     static_cast<int>(eval_interval(t)), kTrainEvalLimit, test_sample_.size());
  ImGui::PopStyleColor();
}

void MnistPanel::show_views() {
  if (!sets_ || !predictions_) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("MNIST: 60,000 training and 10,000 test images of handwritten digits, 28 x 28 grey pixels "
                       "each, written by about 500 people. Each image becomes a row of 784 inputs; the label 0-9 "
                       "becomes a one-hot row of 10 targets for the softmax output. Once the digits are here, "
                       "this side shows them with the network's answers, the confusion matrix, what the hidden "
                       "units learn, and a canvas to draw your own digit.");
    ImGui::PopStyleColor();
    return;
  }
  const MnistViewInput in = view_input();
  ImGui::TextDisabled("The views show the network after %ld iterations%s.", predictions_iteration_,
                      running_ ? "; they follow the training every few seconds" : "");
  if (!ImGui::BeginTabBar("##mnist_views")) return;
  struct Tab {
    const char* title;
    const char* id;
  };
  static constexpr Tab tabs[] = {{"Test digits", "tab_gallery"},  {"Confusion", "tab_confusion"},
                                 {"Most wrong", "tab_mistakes"},  {"Hidden units", "tab_units"},
                                 {"Forward pass", "tab_forward"}, {"Draw a digit", "tab_draw"},
                                 {"Tuning (hw 10-2)", "tab_tuning"}};
  if (gallery_.grid.chosen != followed_choice_) {  // the forward pass follows the gallery's choice
    followed_choice_ = gallery_.grid.chosen;
    if (followed_choice_ >= 0) forward_.row = followed_choice_;
  }
  for (int i = 0; i < 7; ++i) {
    const bool open = ImGui::BeginTabItem(tabs[i].title);
    publish_last(tabs[i].id);
    if (!open) continue;
    switch (i) {
      case 0: show_test_gallery(gallery_, in); break;
      case 1: show_confusion(confusion_, in); break;
      case 2: show_mistakes(mistakes_, in); break;
      case 3: show_hidden_units(units_, in); break;
      case 4: show_forward_pass(forward_, in); break;
      case 5: show_draw_digit(draw_, in); break;
      default: tuning_.show(); break;
    }
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

Json MnistPanel::state() const {
  static constexpr const char* kStates[] = {"idle", "fetching", "decoding", "ready", "failed"};
  Json s = Json::object();
  s.set("load", kStates[static_cast<int>(loader_.state())]);
  s.set("progress", loader_.fraction());
  Json errors = Json::Array{};
  for (const std::string& e : loader_.errors()) errors.push_back(e);
  s.set("errors", errors);
  s.set("load_seconds", loader_.seconds());
  s.set("error", error_);
  if (sets_) s.set("train_size", sets_->train.size()).set("test_size", sets_->test.size());
  s.set("preset", mnist_preset(preset_).name);
  s.set("running", running_);
  if (run_) {
    const HistoryPoint& last = run_->history().points.back();
    s.set("epoch", trainer_->epoch()).set("iteration", static_cast<double>(trainer_->iteration()));
    s.set("total_iterations", static_cast<double>(run_->total_iterations())).set("finished", run_->finished());
    s.set("diverged", run_->diverged());
    s.set("batch_loss", number_or_null(trainer_->last_batch_loss()));
    s.set("sample_accuracy", number_or_null(last.test_accuracy));
    s.set("train_ms", train_ms_).set("train_seconds", train_seconds_);
  }
  if (predictions_) {
    const bool current = predictions_version_ == version_ && predictions_->finished();
    s.set("predicted", predictions_->done()).set("predictions_current", current);
    s.set("test_accuracy", number_or_null(current ? predictions_->accuracy() : NAN));
    Json confusion = Json::Array{};
    for (const std::vector<int>& row : predictions_->confusion()) {
      Json counts = Json::Array{};
      for (int c : row) counts.push_back(c);
      confusion.push_back(counts);
    }
    s.set("confusion", confusion);
  }
  s.set("gallery_chosen", gallery_.grid.chosen);
  s.set("confusion_cell", Json::Array{confusion_.truth, confusion_.predicted});
  s.set("confusion_digits", static_cast<int>(confusion_.grid.atlas.rows().size()));
  s.set("draw_predicted", draw_.predicted);
  s.set("draw_confidence", draw_.predicted >= 0 ? Json(static_cast<double>(draw_.probabilities[static_cast<size_t>(draw_.predicted)])) : Json());
  s.set("tuning", tuning_.state());
  return s;
}

}  // namespace mlp
