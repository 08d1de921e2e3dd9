// The MNIST panel: loading, set-up, time-sliced training, status, curves and the views; see mnist_panel.hpp.
#include "app/mnist_panel.hpp"

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
constexpr int kTrainEvalLimit = 1000;         // training digits in the curves' training loss
constexpr int kSizes[] = {10000, 20000, 60000};
const char* const kSizeNames = "10,000 (quick)\0" "20,000\0" "60,000 (all)\0";
const ImVec4 kProblem(0.75f, 0.1f, 0.1f, 1.0f);

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

// A curve with its name, last value and range written over it.
void curve(const char* id, const char* name, const std::vector<float>& values, float lo, float hi, float width) {
  char overlay[96];
  if (values.empty()) std::snprintf(overlay, sizeof overlay, "%s", name);
  else std::snprintf(overlay, sizeof overlay, "%s: %.4g (range %.3g to %.3g)", name, values.back(), lo, hi);
  ImGui::PlotLines(id, values.data(), static_cast<int>(values.size()), 0, overlay, lo, hi, ImVec2(width, 90));
}

}  // namespace

MnistPanel::MnistPanel() {
  const RunPreset& p = mnist_preset(preset_);
  epochs_ = p.schedule.epochs;
  iterations_ = static_cast<int>(p.schedule.iterations);
}

void MnistPanel::frame() {
  loader_.poll();
  if (loader_.state() == MnistLoader::State::Ready && !sets_ && error_.empty()) use_sets();
  if (tuning_.busy()) running_ = false;  // one thing at a time on the page's budget
  advance(kFrameBudget);
  tuning_.advance(sets_ ? &sets_->train : nullptr, sets_ ? &sets_->test : nullptr, kFrameBudget);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  if (relayout_) {
    const ImVec2 pos = expanded_ ? ImVec2(vp->WorkPos.x + 8, vp->WorkPos.y + 8) : ImVec2(vp->WorkPos.x + vp->WorkSize.x - 330, vp->WorkPos.y + 24);
    const ImVec2 size = expanded_ ? ImVec2(vp->WorkSize.x - 16, vp->WorkSize.y - 16) : ImVec2(306, 0);
    ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    ImGui::SetNextWindowFocus();
    relayout_ = false;
  } else {
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 330, vp->WorkPos.y + 24), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(306, 0), ImGuiCond_FirstUseEver);
  }
  ImGui::Begin("MNIST: handwritten digits");
  if (!expanded_) {
    ImGui::TextWrapped("70,000 real handwritten digits (28 x 28 pixels): train the lecture's 784-100-10 network and "
                       "see what it learns.");
    if (ImGui::Button("Open MNIST")) {
      expanded_ = relayout_ = true;
      if (loader_.state() == MnistLoader::State::Idle) loader_.start();
    }
    publish_last("mnist_open");
    ImGui::End();
    return;
  }
  if (ImGui::SmallButton("Minimise")) {
    expanded_ = false;
    relayout_ = true;
  }
  publish_last("mnist_minimise");
  ImGui::BeginChild("##mnist_left", ImVec2(std::min(440.0f, ImGui::GetContentRegionAvail().x * 0.36f), 0));
  show_loading();
  if (sets_) {
    show_setup();
    show_training();
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##mnist_right");
  if (sets_ && predictions_) show_views();
  ImGui::EndChild();
  ImGui::End();
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
    schedule.eval_every = std::max(1, trainer_->batches_per_epoch() / 20);  // ~20 points per epoch
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
  return in;
}

void MnistPanel::show_setup() {
  const std::vector<const RunPreset*> presets = presets_for("mnist");
  ImGui::BeginDisabled(running_);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##preset", presets[static_cast<size_t>(preset_)]->title.c_str())) {
    for (int i = 0; i < static_cast<int>(presets.size()); ++i) {
      if (ImGui::Selectable(presets[static_cast<size_t>(i)]->title.c_str(), i == preset_) && i != preset_) {
        const bool rescale = presets[static_cast<size_t>(i)]->scaling != presets[static_cast<size_t>(preset_)]->scaling;
        preset_ = i;
        epochs_ = presets[static_cast<size_t>(i)]->schedule.epochs;
        iterations_ = static_cast<int>(presets[static_cast<size_t>(i)]->schedule.iterations);
        if (rescale) use_sets();
        else reset_run();
      }
    }
    ImGui::EndCombo();
  }
  publish_last("mnist_preset");
  const RunPreset& p = mnist_preset(preset_);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", p.summary.c_str());
  ImGui::PopStyleColor();

  int size_index = static_cast<int>(std::find(std::begin(kSizes), std::end(kSizes), train_size_) - std::begin(kSizes));
  ImGui::SetNextItemWidth(170);
  if (ImGui::Combo("training digits", &size_index, kSizeNames)) {
    train_size_ = kSizes[size_index];
    use_sets();
  }
  publish_last("mnist_size");
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
  if (trainer_) ImGui::TextWrapped("%s · %s", trainer_->network().spec.describe().c_str(), sets_->scaler.describe().c_str());
}

void MnistPanel::show_training() {
  if (!run_) return;
  ImGui::Separator();
  ImGui::BeginDisabled(run_->finished() || tuning_.busy());
  if (ImGui::Button(running_ ? "❚❚ Pause###train" : "▶ Train###train")) running_ = !running_;
  publish_last("mnist_train");
  ImGui::SameLine();
  if (ImGui::Button("Step one batch")) {
    run_->step();
    ++version_;
  }
  publish_last("mnist_step");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Reset")) reset_run();
  publish_last("mnist_reset");
  if (tuning_.busy()) ImGui::TextDisabled("(the tuning search is running: stop it to train here)");

  const Trainer<float>& t = *trainer_;
  const long total = run_->total_iterations();
  ImGui::Text("Epoch %d · batch %d of %d · iteration %ld of %ld", std::min(t.epoch() + 1, std::max(1, epochs_)),
              t.batch() + 1, t.batches_per_epoch(), t.iteration(), total);
  const HistoryPoint& last = run_->history().points.back();
  if (t.iteration() > 0) ImGui::Text("Loss of the last batch %.4f", static_cast<double>(t.last_batch_loss()));
  ImGui::Text("On %d test digits: accuracy %.2f %%", test_sample_.size(), 100 * last.test_accuracy);
  if (train_seconds_ > 0)
    ImGui::TextDisabled("%.0f digits/s · training %.1f ms of this frame", t.iteration() * t.batch_size() / train_seconds_, train_ms_);
  if (run_->diverged()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kProblem);
    ImGui::TextWrapped("%s", run_->divergence_message().c_str());
    ImGui::PopStyleColor();
  }
  if (predictions_ && predictions_->finished() && predictions_version_ == version_ && run_->finished()) {
    const Predictions& p = *predictions_;
    ImGui::TextColored(ImVec4(0.12f, 0.5f, 0.24f, 1), "Test accuracy %.2f %% on all %d test digits", 100 * p.accuracy(), p.size());
    ImGui::TextDisabled("(%.2f %% on the last 5,000: the lecture's split)", 100 * p.accuracy(p.size() / 2, p.size()));
  }

  std::vector<float> loss, accuracy;
  for (const HistoryPoint& h : run_->history().points) {
    loss.push_back(static_cast<float>(h.train_loss));
    accuracy.push_back(static_cast<float>(100 * h.test_accuracy));
  }
  const float width = ImGui::GetContentRegionAvail().x;
  const auto [lo, hi] = std::minmax_element(loss.begin(), loss.end());
  curve("##loss", "training loss", loss, std::min(0.0f, *lo), *hi, width);
  publish_last("mnist_loss_curve");
  const auto [alo, ahi] = std::minmax_element(accuracy.begin(), accuracy.end());
  curve("##accuracy", "test accuracy %", accuracy, *alo, std::max(*ahi, *alo + 1), width);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("One point every %d batches: loss on %d training digits, accuracy on %d test digits.",
                     std::max(1, trainer_->batches_per_epoch() / 20), kTrainEvalLimit, test_sample_.size());
  ImGui::PopStyleColor();
}

void MnistPanel::show_views() {
  const MnistViewInput in = view_input();
  if (!ImGui::BeginTabBar("##mnist_views")) return;
  struct Tab {
    const char* title;
    const char* id;
  };
  static constexpr Tab tabs[] = {{"Test digits", "tab_gallery"},   {"Confusion matrix", "tab_confusion"},
                                 {"Most wrong", "tab_mistakes"},   {"Hidden units", "tab_units"},
                                 {"Draw a digit", "tab_draw"},     {"Tuning (hw 10-2)", "tab_tuning"}};
  for (int i = 0; i < 6; ++i) {
    const bool open = ImGui::BeginTabItem(tabs[i].title);
    publish_last(tabs[i].id);
    if (!open) continue;
    switch (i) {
      case 0: show_test_gallery(gallery_, in); break;
      case 1: show_confusion(confusion_, in); break;
      case 2: show_mistakes(mistakes_, in); break;
      case 3: show_hidden_units(units_, in); break;
      case 4: show_draw_digit(draw_, in); break;
      default: tuning_.show(); break;
    }
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

Json MnistPanel::state() const {
  static constexpr const char* kStates[] = {"idle", "fetching", "decoding", "ready", "failed"};
  Json s = Json::object();
  s.set("expanded", expanded_);
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
