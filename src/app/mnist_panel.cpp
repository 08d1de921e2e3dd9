// The MNIST panel: loading, set-up, time-sliced training, status, curves and the views; see mnist_panel.hpp.
#include "app/mnist_panel.hpp"

#include "app/i18n.hpp"
#include "app/panels.hpp"
#include "app/widgets.hpp"

#include "data/preprocess.hpp"
#include "nn/search.hpp"
#include "platform/js_bridge.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace mlp {
namespace {

constexpr double kFrameBudget = 0.012;        // seconds of the search's work per frame (60 frames/s leaves ~4 ms to draw)
constexpr double kPredictBudget = 0.003;      // extra per frame for the test predictions while training
constexpr int kPredictChunk = 250;            // test digits per prediction step
constexpr double kPredictEvery = 2.0;         // seconds between test-prediction snapshots while training
constexpr int kCentrePixelRow = 1 + 14 * 28 + 14;  // row of W1 for pixel (14, 14); row 0 is the bias
constexpr float kTrainingSpeed = 1000.0f;     // batches/s asked of play: as many as fit in the frame budget

struct SizeChoice {
  int digits;
  const char* name;
};
constexpr SizeChoice kSizes[] = {
    {10000, ui::tr_noop("10,000 (quick)")}, {20000, "20,000"}, {60000, ui::tr_noop("60,000 (all)")}};
const ImVec4 kProblem(0.75f, 0.1f, 0.1f, 1.0f);

void publish_last(const char* id) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  bridge::publish_widget(id, a.x, a.y, b.x, b.y);
}

using json = nlohmann::ordered_json;  // ordered: fields are written in the order set

const RunPreset& mnist_preset(int index) { return *presets_for("mnist").at(static_cast<size_t>(index)); }

// SameLine() when a button labelled `label` still fits on this line.
void same_line_if_fits(const char* label) {
  const float needed = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().ItemSpacing.x;
  if (ImGui::GetItemRectMax().x + needed < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

}  // namespace

MnistPanel::MnistPanel() {
  const RunPreset& p = mnist_preset(preset_);
  epochs_ = p.config.schedule.epochs;
  iterations_ = static_cast<int>(p.config.schedule.iterations);
  run_.stepper().batches_per_second = kTrainingSpeed;
}

void MnistPanel::update(double frame_seconds) {
  loader_.poll();
  if (loader_.state() == MnistLoader::State::Ready && !digits_ && error_.empty()) use_sets();
  if (tuning_.busy()) run_.pause();  // one thing at a time
  const bool was_running = running();
  const double spent = run_.advance(frame_seconds).milliseconds / 1000.0;
  train_ms_ = was_running ? 1000 * spent : 0;
  if (was_running) train_seconds_ += spent;
  refresh_predictions(running() ? kPredictBudget : std::max(0.0, kFrameBudget - spent));
  tuning_.advance(digits_ ? &digits_->train : nullptr, digits_ ? &digits_->test : nullptr, kFrameBudget);
}

long MnistPanel::length() const {
  if (run_.setup().schedule.iterations > 0) return run_.setup().schedule.iterations;
  return static_cast<long>(run_.setup().schedule.epochs) * run_.session().trainer().batches_per_epoch();
}

bool MnistPanel::finished() const {
  return run_.has_session() && run_.session().trainer().at_batch_start() && run_.session().trainer().iteration() >= length();
}

void MnistPanel::show_controls() {
  if (loader_.state() == MnistLoader::State::Idle) loader_.start();  // shown: the student picked MNIST
  show_loading();
  if (digits_) {
    show_setup();
    show_training();
  }
}

void MnistPanel::show_loading() {
  switch (loader_.state()) {
    case MnistLoader::State::Idle:
      if (ImGui::Button(ui::tr("Load MNIST (11.6 MB)"))) loader_.start();
      publish_last("mnist_load");
      return;
    case MnistLoader::State::Fetching:
    case MnistLoader::State::Decoding:
      ImGui::ProgressBar(static_cast<float>(loader_.fraction()), ImVec2(-1, 0), loader_.progress_text().c_str());
      publish_last("mnist_progress");
      return;
    case MnistLoader::State::Failed:
      ImGui::TextColored(kProblem, "%s", ui::tr("MNIST could not be loaded:"));
      for (const std::string& e : loader_.errors()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kProblem);
        ui::text_wrapped("• %s", e.c_str());
        ImGui::PopStyleColor();
      }
      ui::text_wrapped("%s", loader_.hint().c_str());
      if (ImGui::Button(ui::tr("Try again"))) loader_.start();
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
    run_.clear();
    predictions_.reset();
    pending_.reset();
    pending_key_ = {-1, -1};
    digits_.reset();  // frees the old digits before building the new ones
    MnistSets sets = build_mnist_sets(loader_.bytes(), train_size_, p.config.data.scaling);
    auto digits = std::make_shared<DataSplit>();
    digits->train = std::move(sets.train);
    digits->test = std::move(sets.test);
    digits_ = std::move(digits);
    scaler_ = sets.scaler;
    error_.clear();
    reset_run();
  } catch (const std::exception& e) {
    digits_.reset();
    error_ = ui::tr("Could not prepare the digits: ") + std::string(e.what());
  }
}

// The preset as a playground set-up, trained on the prepared digits.
void MnistPanel::reset_run() {
  const RunPreset& p = mnist_preset(preset_);
  RunConfig setup = p.config;
  setup.data.examples = digits_->train.size() + digits_->test.size();
  setup.schedule.epochs = std::max(1, epochs_);
  setup.schedule.iterations = p.config.schedule.iterations > 0 ? std::max(1, iterations_) : 0;
  run_.stepper().batches_per_second = kTrainingSpeed;
  try {
    run_.start(setup, digits_);
    error_.clear();
    views_.selection.weight = WeightRef{0, kCentrePixelRow, 0};  // a pixel that is ink in most digits, not a blank corner
    start_W1_ = run_.session().network().W.front();
  } catch (const std::exception& e) {
    run_.clear();
    error_ = ui::tr("Could not set up the network: ") + std::string(ui::tr(ui::kCannotStart)) + e.what();
  }
  train_seconds_ = 0;
  pending_.reset();
  pending_key_ = {-1, -1};
}

void MnistPanel::refresh_predictions(double budget_seconds) {
  if (!run_.has_session()) return;
  const ui::Session& session = run_.session();
  // A new snapshot: when the run changed and training rests, or every few seconds while it runs.
  const bool stale = predictions_key_ != key() && pending_key_ != key();
  const double now = steady_seconds();
  const bool due = !running() || !predictions_ || (!pending_ && now - snapshot_time_ > kPredictEvery);
  if (stale && due) {  // at rest this replaces an unfinished older snapshot
    pending_ = std::make_unique<Predictions>(session.network(), digits_->test);
    pending_key_ = key();
    pending_iteration_ = session.trainer().iteration();
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
    predictions_key_ = pending_key_;
    predictions_iteration_ = pending_iteration_;
    pending_key_ = {-1, -1};
    ++snapshots_;
  }
}

MnistViewInput MnistPanel::view_input() const {
  MnistViewInput in;
  in.net = &predictions_->network();
  in.version = snapshots_;
  in.predictions = predictions_.get();
  in.pixels = DigitPixels{loader_.bytes().test_images.data() + 16, static_cast<int>(digits_->test.size())};
  in.scaler = &scaler_;
  in.start_W1 = &start_W1_;
  in.test = &digits_->test;
  in.last_pass = run_.has_session() ? &run_.session().pass() : nullptr;
  return in;
}

void MnistPanel::choose_preset(int index) {
  const bool rescale = mnist_preset(index).config.data.scaling != mnist_preset(preset_).config.data.scaling;
  preset_ = index;
  epochs_ = mnist_preset(index).config.schedule.epochs;
  iterations_ = static_cast<int>(mnist_preset(index).config.schedule.iterations);
  if (rescale) use_sets();  // the digits are scaled differently
  else reset_run();
}

void MnistPanel::show_setup() {
  const std::vector<const RunPreset*> presets = presets_for("mnist");
  ImGui::BeginDisabled(running());
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool presets_open = ImGui::BeginCombo("##preset", ui::tr(presets[static_cast<size_t>(preset_)]->title.c_str()));
  publish_last("mnist_preset");
  if (presets_open) {
    for (int i = 0; i < static_cast<int>(presets.size()); ++i) {
      const RunPreset& choice = *presets[static_cast<size_t>(i)];
      if (ImGui::Selectable(ui::tr(choice.title.c_str()), i == preset_) && i != preset_) choose_preset(i);
      publish_last(("mnist_preset_" + choice.name).c_str());
    }
    ImGui::EndCombo();
  }
  const RunPreset& p = mnist_preset(preset_);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ui::text_wrapped("%s", ui::tr(p.summary.c_str()));
  ImGui::PopStyleColor();

  ImGui::SetNextItemWidth(170);
  const char* size_name = kSizes[2].name;
  for (const SizeChoice& c : kSizes)
    if (c.digits == train_size_) size_name = c.name;
  const bool sizes_open = ImGui::BeginCombo(ui::tr_id("training digits", "training_digits").c_str(), ui::tr(size_name));
  publish_last("mnist_size");
  if (sizes_open) {
    for (const SizeChoice& c : kSizes) {
      if (ImGui::Selectable(ui::tr(c.name), c.digits == train_size_) && c.digits != train_size_) {
        train_size_ = c.digits;
        use_sets();
      }
      publish_last(("mnist_size_" + std::to_string(c.digits)).c_str());
    }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(170);
  if (p.config.schedule.iterations > 0) {
    if (ImGui::InputInt(ui::tr_id("iterations", "length").c_str(), &iterations_, 100, 1000)) {
      iterations_ = std::clamp(iterations_, 1, 1000000);
      reset_run();
    }
  } else if (ImGui::InputInt(ui::tr_id("epochs", "length").c_str(), &epochs_)) {
    epochs_ = std::clamp(epochs_, 1, 1000);
    reset_run();
  }
  publish_last("mnist_length");
  ImGui::EndDisabled();
  if (run_.has_session()) {
    ui::text_wrapped("%s", run_.session().network().spec.describe().c_str());
    ui::text_wrapped(ui::tr("inputs %s"), scaler_.describe().c_str());
  }
}

void MnistPanel::show_training() {
  if (!run_.has_session()) return;
  ImGui::Separator();
  ImGui::BeginDisabled(tuning_.busy() || run_.session().diverged());
  if (ImGui::Button((std::string(running() ? ui::tr("❚❚ Pause") : ui::tr("▶ Train")) + "###train").c_str())) run_.toggle_play();
  publish_last("mnist_train");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", ui::tr("Play (P): batches as fast as the page allows. The top bar steps one phase, batch or epoch."));
  ImGui::EndDisabled();
  same_line_if_fits(ui::tr("↺ Reset"));
  if (ImGui::Button(ui::tr_id("↺ Reset", "mnist_reset").c_str())) reset_run();  // a new session: nothing of the old one is held past here
  publish_last("mnist_reset");
  if (tuning_.busy()) ImGui::TextDisabled("%s", ui::tr("(the tuning search is running: stop it to train here)"));
  if (!run_.has_session()) return;  // the reset could not start a run (its error shows above)

  const ui::Session& session = run_.session();
  const Trainer<float>& t = session.trainer();
  const long total = length();
  if (finished() && !session.diverged()) {
    ImGui::Text(t.epoch() == 1 ? ui::tr("Finished: %ld iterations, %d epoch") : ui::tr("Finished: %ld iterations, %d epochs"),
                t.iteration(), t.epoch());
  } else {
    ImGui::Text(ui::tr("Epoch %d · batch %d of %d"), t.epoch() + 1, t.batch() + 1, t.batches_per_epoch());
    ImGui::Text(ui::tr("Iteration %ld of %ld"), t.iteration(), total);
    ImGui::ProgressBar(total > 0 ? std::min(1.0f, static_cast<float>(t.iteration()) / total) : 0.0f, ImVec2(-FLT_MIN, 0));
  }
  if (t.iteration() > 0) ImGui::Text(ui::tr("Loss of the last batch %.4f"), static_cast<double>(t.last_batch_loss()));
  const HistoryPoint& last = session.run().history().points.back();
  ImGui::Text(ui::tr("On %d test digits: accuracy %.2f %%"), session.curve_test()->size(), 100 * last.test_accuracy);
  if (train_seconds_ > 0) {
    ImGui::TextDisabled(ui::tr("%.0f digits/s while training"), t.iteration() * t.batch_size() / train_seconds_);
    if (running()) ImGui::TextDisabled(ui::tr("(%.1f ms of this frame)"), train_ms_);
  }
  if (session.diverged()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kProblem);
    ui::text_wrapped("%s", session.divergence_message().c_str());
    ImGui::PopStyleColor();
  } else if (!run_.pause_reason().empty() && !finished()) {
    const std::string reason = *run_.pause_format() ? ui::printf_string(ui::tr(run_.pause_format()), run_.pause_number())
                                                    : run_.pause_reason();
    ui::text_wrapped("%s", reason.c_str());
  }
  if (predictions_ && predictions_->finished() && predictions_key_ == key() && finished()) {
    const Predictions& p = *predictions_;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.12f, 0.5f, 0.24f, 1));
    ui::text_wrapped(ui::tr("Test accuracy %.2f %% on all %d test digits"), 100 * p.accuracy(), p.size());
    ImGui::PopStyleColor();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::text_wrapped(ui::tr("(%.2f %% on the last %d, the lecture's split)"), 100 * p.accuracy(p.size() / 2, p.size()),
                       p.size() - p.size() / 2);
    ImGui::PopStyleColor();
  }
  // The playground's curves, measured ten times per epoch on samples (a whole pass would stall the page).
  ImGui::Separator();
  ImGui::BeginChild("##mnist_curves", ImVec2(0, std::max(260.0f, ImGui::GetContentRegionAvail().y)));
  ui::show_curves_view(views_.curves, session);
  ImGui::EndChild();
}

void MnistPanel::show_views() {
  if (!digits_ || !predictions_) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::text_wrapped("%s", ui::tr("MNIST: 60,000 training and 10,000 test images of handwritten digits, 28 x 28 grey pixels "
                                    "each, written by about 500 people. Each image becomes a row of 784 inputs; the label 0-9 "
                                    "becomes a one-hot row of 10 targets for the softmax output. Once the digits are here, "
                                    "this side shows them with the network's answers, the confusion matrix, what the hidden "
                                    "units learn, and a canvas to draw your own digit."));
    ImGui::PopStyleColor();
    return;
  }
  const MnistViewInput in = view_input();
  ImGui::TextDisabled(ui::tr("The views show the network after %ld iterations%s."), predictions_iteration_,
                      running() ? ui::tr("; they follow the training every few seconds") : "");
  if (!ImGui::BeginTabBar("##mnist_views")) return;
  struct Tab {
    const char* title;
    const char* id;
  };
  static constexpr Tab tabs[] = {
      {ui::tr_noop("Test digits"), "tab_gallery"},  {ui::tr_noop("Network"), "tab_mnist_network"},
      {ui::tr_noop("Confusion"), "tab_confusion"},  {ui::tr_noop("Most wrong"), "tab_mistakes"},
      {ui::tr_noop("Hidden units"), "tab_units"},   {ui::tr_noop("Forward pass"), "tab_forward"},
      {ui::tr_noop("Draw a digit"), "tab_draw"},    {ui::tr_noop("Tuning (hw 10-2)"), "tab_tuning"}};
  if (gallery_.grid.chosen != followed_choice_) {  // the forward pass follows the gallery's choice
    followed_choice_ = gallery_.grid.chosen;
    if (followed_choice_ >= 0) forward_.row = followed_choice_;
  }
  for (int i = 0; i < 8; ++i) {
    const bool open = ImGui::BeginTabItem(ui::tr_id(tabs[i].title, tabs[i].id).c_str());
    publish_last(tabs[i].id);
    if (!open) continue;
    switch (i) {
      case 0: show_test_gallery(gallery_, in); break;
      case 1: show_network_tab(); break;
      case 2: show_confusion(confusion_, in); break;
      case 3: show_mistakes(mistakes_, in); break;
      case 4: show_hidden_units(units_, in); break;
      case 5: show_forward_pass(forward_, in); break;
      case 6: show_draw_digit(draw_, in); break;
      default: tuning_.show(); break;
    }
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

// The playground's own views on the MNIST run: the graph above, this phase's matrices or the
// chain rule for one weight below (the top bar steps the run one phase at a time).
void MnistPanel::show_network_tab() {
  if (!run_.has_session()) return;
  const float height = ImGui::GetContentRegionAvail().y;
  ImGui::BeginChild("##mnist_network", ImVec2(0, height * 0.46f), true, ImGuiWindowFlags_NoScrollbar);
  const ui::RunView view = views_.view_of(run_);
  views_.apply(ui::show_network_view(views_.network, view));
  ImGui::EndChild();
  views_.apply(ui::show_phase_details(views_.details, view, "mnist_"));
}

// A NaN loss or accuracy (a diverged run) is written as null.
json MnistPanel::state() const {
  static constexpr const char* kStates[] = {"idle", "fetching", "decoding", "ready", "failed"};
  json s = json::object();
  s["load"] = kStates[static_cast<int>(loader_.state())];
  s["progress"] = loader_.fraction();
  s["errors"] = loader_.errors();
  s["load_seconds"] = loader_.seconds();
  s["error"] = error_;
  if (digits_) {
    s["train_size"] = digits_->train.size();
    s["test_size"] = digits_->test.size();
  }
  s["preset"] = mnist_preset(preset_).name;
  s["running"] = running();
  if (run_.has_session()) {
    const ui::Session& session = run_.session();
    const Trainer<float>& t = session.trainer();
    const HistoryPoint& last = session.run().history().points.back();
    s["epoch"] = t.epoch();
    s["iteration"] = t.iteration();
    s["total_iterations"] = length();
    s["finished"] = finished();
    s["diverged"] = session.diverged();
    s["batch_loss"] = t.last_batch_loss();
    s["sample_accuracy"] = last.test_accuracy;
    s["train_ms"] = train_ms_;
    s["train_seconds"] = train_seconds_;
    s["steps"] = session.version();  // phases and batches stepped (top bar included)
  }
  if (predictions_) {
    const bool current = predictions_key_ == key() && predictions_->finished();
    s["predicted"] = predictions_->done();
    s["predictions_current"] = current;
    s["test_accuracy"] = current ? json(predictions_->accuracy()) : json();
    s["confusion"] = predictions_->confusion();
  }
  s["gallery_chosen"] = gallery_.grid.chosen;
  s["confusion_cell"] = {confusion_.truth, confusion_.predicted};
  s["confusion_digits"] = confusion_.grid.atlas.rows().size();
  s["draw_predicted"] = draw_.predicted;
  s["draw_confidence"] = draw_.predicted >= 0 ? json(draw_.probabilities[static_cast<size_t>(draw_.predicted)]) : json();
  s["tuning"] = tuning_.state();
  return s;
}

}  // namespace mlp
