// The tuning panel: search fields, incremental search, sortable results, final test; see tuning_panel.hpp.
#include "app/tuning_panel.hpp"

#include "app/i18n.hpp"
#include "app/widgets.hpp"

#include "platform/js_bridge.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>

namespace mlp {
namespace {

const ImVec4 kProblem(0.75f, 0.1f, 0.1f, 1.0f);
const ImVec4 kDiverged(0.85f, 0.4f, 0.0f, 1.0f);
const ImVec4 kBest(0.12f, 0.5f, 0.24f, 1.0f);

void publish_last(const char* id) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  bridge::publish_widget(id, a.x, a.y, b.x, b.y);
}

using json = nlohmann::ordered_json;  // ordered: fields are written in the order set

std::string trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// The comma-separated items of a field, trimmed; an empty item is a problem.
std::vector<std::string> items(const char* text, const char* field, std::vector<std::string>& problems) {
  std::vector<std::string> out;
  std::string rest = text;
  for (size_t at = 0; at <= rest.size();) {
    const size_t comma = std::min(rest.find(',', at), rest.size());
    out.push_back(trim(rest.substr(at, comma - at)));
    at = comma + 1;
  }
  if (out.size() == 1 && out[0].empty()) {
    problems.push_back(ui::printf_string(ui::tr("%s: give at least one value"), field));
    out.clear();
  } else if (std::count(out.begin(), out.end(), "") > 0) {
    problems.push_back(ui::printf_string(ui::tr("%s: an empty item (two commas, or a comma at the end)"), field));
  }
  return out;
}

// A number typed in a field, or nothing (and a problem) when it is not one.
std::optional<double> number(const std::string& item, const char* field, std::vector<std::string>& problems) {
  char* end = nullptr;
  const double v = std::strtod(item.c_str(), &end);
  if (item.empty() || *end != '\0') {
    problems.push_back(ui::printf_string(ui::tr("%s: '%s' is not a number"), field, item.c_str()));
    return std::nullopt;
  }
  return v;
}

// A whole number (e.g. a width or a batch size), or nothing (and a problem).
std::optional<int> whole(const std::string& item, const char* field, std::vector<std::string>& problems) {
  const std::optional<double> v = number(item, field, problems);
  if (!v) return std::nullopt;
  if (*v != std::floor(*v) || std::abs(*v) > 1e9) {
    problems.push_back(ui::printf_string(ui::tr("%s: '%s' is not a whole number"), field, item.c_str()));
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

// The parsed items of a field; items that do not parse are left out (each with a problem).
template <class T, class Parse>
std::vector<T> parse_list(const char* text, const char* field, std::vector<std::string>& problems, Parse parse) {
  std::vector<T> out;
  for (const std::string& item : items(text, field, problems)) {
    if (item.empty()) continue;
    if (const auto v = parse(item, field, problems)) out.push_back(*v);
  }
  return out;
}

// "100-50" -> {100, 50}; "none" -> {} (no hidden layer); nothing when a width does not parse.
std::optional<std::vector<int>> widths(const std::string& item, const char* field, std::vector<std::string>& problems) {
  std::vector<int> out;
  if (item == "none") return out;
  std::string rest = item;
  for (size_t at = 0; at <= rest.size();) {
    const size_t dash = std::min(rest.find('-', at), rest.size());
    const std::optional<int> w = whole(trim(rest.substr(at, dash - at)), field, problems);
    if (!w) return std::nullopt;
    out.push_back(*w);
    at = dash + 1;
  }
  return out;
}

const char* status_label(const SearchRow& row) {
  switch (row.status) {
    case TrialStatus::Ok: return "ok";
    case TrialStatus::Pending: return "pending";
    case TrialStatus::Running: return "running";
    case TrialStatus::Stopped: return "stopped";
    case TrialStatus::Diverged: return "diverged";
    case TrialStatus::Invalid: return "invalid";
  }
  return "?";
}

// Column values for sorting: one per table column.
// The network column: "100-50 relu", with the dropout when there is one.
std::string network_text(const SearchConfig& c) {
  std::string s;
  for (int w : c.hidden) s += (s.empty() ? "" : "-") + std::to_string(w);
  if (s.empty()) return ui::tr("no hidden layer");
  s += std::string(" ") + activation_name(c.activation);
  if (c.dropout > 0) {
    char text[32];
    std::snprintf(text, sizeof text, ui::tr(", dropout %g"), c.dropout);
    s += text;
  }
  return s;
}

enum Column { kNetwork, kRate, kBatch, kEpochs, kAccuracy, kLoss, kTime, kStatus, kColumns };

// The value a column sorts by.
double sort_key(const SearchRow& r, int column) {
  switch (column) {
    case kNetwork: {
      double units = 0;
      for (int w : r.config.hidden) units += w;
      return units + 0.1 * static_cast<double>(r.config.hidden.size()) + 0.01 * static_cast<int>(r.config.activation);
    }
    case kRate: return r.config.learning_rate;
    case kBatch: return r.config.batch_size;
    case kEpochs: return r.config.epochs;
    case kAccuracy: return std::isfinite(r.accuracy) ? r.accuracy : -1;
    case kLoss: return std::isfinite(r.loss) ? r.loss : 1e300;
    case kTime: return r.train_seconds;
    default: return static_cast<double>(r.status);
  }
}

}  // namespace

TuningPanel::TuningPanel() {
  options_.train.shuffle = true;
  options_.train.seed = 1;
}

bool TuningPanel::busy() const {
  return (search_ && !search_->finished()) || (final_ && !final_->finished());
}

void TuningPanel::stop() {
  if (search_ && !search_->finished()) search_->stop();
  final_.reset();
}

void TuningPanel::advance(const Dataset* train, const Dataset* test, double budget_seconds) {
  if (train != train_ || test != test_) {  // other data: what was found no longer applies
    search_.reset();
    final_.reset();
    train_ = train;
    test_ = test;
  }
  if (train_ != nullptr && test_ != nullptr) run(budget_seconds);
}

void TuningPanel::show() {
  if (train_ == nullptr || test_ == nullptr) {
    ImGui::TextDisabled("%s", ui::tr("Load MNIST first."));
    return;
  }
  show_fields();
  show_progress();
  show_table();
  show_final();
}

void TuningPanel::show_fields() {
  ui::text_wrapped(ui::tr("Homework 10-2: which hidden widths, learning rate, batch size and epochs work best? Each "
                            "configuration trains on part of the %d training digits and is judged on the rest (inputs "
                            "scaled as in the preset); the test digits are used once, at the end."),
                     train_->size());
  ImGui::BeginDisabled(busy());
  // The search space in two columns: a field per hyperparameter, comma-separated values.
  if (ImGui::BeginTable("##fields", 2, ImGuiTableFlags_SizingStretchSame)) {
    const auto field = [](const char* label, char* text, size_t size, const char* id) {
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
      ImGui::InputText((std::string(label) + "###" + id).c_str(), text, size);
      publish_last(id);
    };
    field(ui::tr("hidden widths"), fields_.hidden, sizeof fields_.hidden, "tuning_hidden");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui::tr("One network per item; layers joined by '-': 50, 100, 100-50"));
    field(ui::tr("learning rates"), fields_.learning_rates, sizeof fields_.learning_rates, "tuning_lr");
    field(ui::tr("batch sizes"), fields_.batch_sizes, sizeof fields_.batch_sizes, "tuning_batch");
    field(ui::tr("epochs"), fields_.epochs, sizeof fields_.epochs, "tuning_epochs");
    field(ui::tr("dropout ratios"), fields_.dropouts, sizeof fields_.dropouts, "tuning_dropout");
    ImGui::TableNextColumn();
    ImGui::Checkbox(ui::tr_id("sigmoid", "sigmoid").c_str(), &fields_.sigmoid);
    ImGui::SameLine();
    ImGui::Checkbox(ui::tr_id("ReLU hidden units", "relu").c_str(), &fields_.relu);
    ImGui::EndTable();
  }

  ImGui::SetNextItemWidth(120);
  const char* const methods[] = {ui::tr("grid"), ui::tr("random")};
  ImGui::Combo("##method", &method_, methods, 2);
  ImGui::SameLine();
  if (method_ == 1) {
    ImGui::SetNextItemWidth(110);
    ImGui::InputInt(ui::tr_id("configurations drawn", "samples").c_str(), &samples_);
    ImGui::SameLine();
  }
  ImGui::SetNextItemWidth(150);
  const char* const validations[] = {ui::tr("holdout split"), ui::tr("k-fold")};
  ImGui::Combo("##validation", &validation_, validations, 2);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120);
  if (validation_ == 0) ImGui::SliderFloat(ui::tr_id("held out", "held_out").c_str(), &holdout_, 0.05f, 0.5f, "%.2f");
  else ImGui::InputInt(ui::tr_id("folds", "folds").c_str(), &folds_);
  ImGui::EndDisabled();

  ImGui::SameLine(0, 2 * ImGui::GetStyle().ItemSpacing.x);
  if (!busy()) {
    if (ImGui::Button(ui::tr_id("Start the search", "start").c_str())) start(*train_);
    publish_last("tuning_start");
  } else {
    if (ImGui::Button(ui::tr_id("Stop", "stop").c_str())) stop();
    publish_last("tuning_stop");
  }
  for (const std::string& p : problems_) ImGui::TextColored(kProblem, "• %s", p.c_str());
}

void TuningPanel::start(const Dataset& train) {
  problems_.clear();
  SearchSpace space;
  space.hidden = parse_list<std::vector<int>>(fields_.hidden, ui::tr("hidden widths"), problems_, widths);
  space.learning_rates = parse_list<double>(fields_.learning_rates, ui::tr("learning rates"), problems_, number);
  space.batch_sizes = parse_list<int>(fields_.batch_sizes, ui::tr("batch sizes"), problems_, whole);
  space.epochs = parse_list<int>(fields_.epochs, ui::tr("epochs"), problems_, whole);
  space.dropouts = parse_list<double>(fields_.dropouts, ui::tr("dropout ratios"), problems_, number);
  space.activations.clear();
  if (fields_.sigmoid) space.activations.push_back(Activation::Sigmoid);
  if (fields_.relu) space.activations.push_back(Activation::ReLU);
  if (space.activations.empty()) problems_.push_back(ui::tr("hidden activations: tick sigmoid, ReLU or both"));

  options_.method = method_ == 0 ? SearchMethod::Grid : SearchMethod::Random;
  options_.samples = samples_;
  options_.validation = validation_ == 0 ? Validation::Holdout : Validation::KFold;
  options_.validation_fraction = holdout_;
  options_.folds = folds_;
  // What the fields say is wrong, and then what the core finds wrong with the values that parsed.
  for (const std::string& p : search_problems(space, options_, train)) problems_.push_back(p);
  if (!problems_.empty()) return;
  try {
    search_ = std::make_unique<Search>(train, space, options_);
  } catch (const std::exception& e) {
    problems_.push_back(e.what());
    return;
  }
  final_.reset();
  search_seconds_ = 0;
  order_.clear();
  resort_ = true;
}

void TuningPanel::run(double budget_seconds) {
  const double start = steady_seconds();
  const bool searching = search_ && !search_->finished();
  while (steady_seconds() - start < budget_seconds) {
    if (search_ && !search_->finished()) search_->step(1);
    else if (final_ && !final_->finished()) final_->step(1);
    else break;
  }
  if (searching) {
    search_seconds_ += steady_seconds() - start;
    resort_ = true;
  }
}

void TuningPanel::show_progress() {
  if (!search_) return;
  const SearchProgress p = search_->progress();
  char overlay[160];
  if (search_->finished()) {
    std::snprintf(overlay, sizeof overlay, ui::tr("%d of %d configurations done (%.1f s of computing)"), p.done, p.total,
                  search_seconds_);
  } else {
    std::snprintf(overlay, sizeof overlay, ui::tr("configuration %d of %d, fold %d of %d, epoch %d of %d (%.1f s)"),
                  p.current + 1, p.total, p.fold + 1, p.folds, p.epoch, p.epochs, search_seconds_);
  }
  ImGui::ProgressBar(static_cast<float>(p.fraction), ImVec2(-1, 0), overlay);
  publish_last("tuning_progress");
}

void TuningPanel::show_table() {
  if (!search_) return;
  const std::vector<SearchRow>& rows = search_->rows();
  if (order_.size() != rows.size()) {
    order_.resize(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) order_[i] = static_cast<int>(i);
  }
  const int best = search_->best();
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  const float height = std::max(140.0f, ImGui::GetContentRegionAvail().y - 3.5f * ImGui::GetFrameHeightWithSpacing());
  if (!ImGui::BeginTable("##results", kColumns, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(ui::tr("network"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(ui::tr("lr"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(ui::tr("batch"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(ui::tr("epochs"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(ui::tr("validation"), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                                            ImGuiTableColumnFlags_PreferSortDescending);
  ImGui::TableSetupColumn(ui::tr("val. loss"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(ui::tr("time"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(ui::tr("status"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  const ImVec2 header_a = ImGui::GetItemRectMin();
  bridge::publish_widget("tuning_table", header_a.x, header_a.y, header_a.x + ImGui::GetContentRegionAvail().x, header_a.y + height);

  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0 && (specs->SpecsDirty || resort_)) {
    const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
    std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) {
      const double ka = sort_key(rows[a], s.ColumnIndex), kb = sort_key(rows[b], s.ColumnIndex);
      return s.SortDirection == ImGuiSortDirection_Ascending ? ka < kb : ka > kb;
    });
    specs->SpecsDirty = false;
    resort_ = false;
  }
  for (int i : order_) {
    const SearchRow& r = rows[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(network_text(r.config).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%g", r.config.learning_rate);
    ImGui::TableNextColumn();
    ImGui::Text("%d", r.config.batch_size);
    ImGui::TableNextColumn();
    ImGui::Text("%d", r.config.epochs);
    ImGui::TableNextColumn();
    if (std::isfinite(r.accuracy)) {
      if (i == best) ImGui::TextColored(kBest, "%.2f %% ✓", 100 * r.accuracy);
      else ImGui::Text("%.2f %%", 100 * r.accuracy);
    }
    ImGui::TableNextColumn();
    if (std::isfinite(r.loss)) ImGui::Text("%.4f", r.loss);
    ImGui::TableNextColumn();
    if (r.status != TrialStatus::Pending) ImGui::Text("%.1f s", r.train_seconds);
    ImGui::TableNextColumn();
    const std::string text = r.status_text();
    if (r.status == TrialStatus::Diverged) ImGui::TextColored(kDiverged, "⚠ %s", text.c_str());
    else if (r.status == TrialStatus::Invalid) ImGui::TextColored(kProblem, "%s", text.c_str());
    else ImGui::TextUnformatted(text.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", r.config.describe().c_str(), text.c_str());
  }
  ImGui::EndTable();
}

void TuningPanel::show_final() {
  if (!search_) return;
  const int best = search_->best();
  if (!search_->finished()) return;
  if (best < 0) {
    ImGui::TextColored(kProblem, "%s", ui::tr("No configuration finished: nothing to retrain."));
    return;
  }
  const SearchRow& row = search_->rows()[best];
  if (!final_) {
    ui::text_wrapped(ui::tr("Best: %s (validation %.2f %%)"), row.config.describe().c_str(), 100 * row.accuracy);
    if (ImGui::Button(ui::tr_id("Retrain it on all training digits and test it once", "retrain").c_str())) {
      final_config_ = row.config;
      final_ = std::make_unique<Trial>(final_trial(*train_, *test_, final_config_, options_));
    }
    publish_last("tuning_final");
    return;
  }
  if (!final_->finished()) {
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, ui::tr("retraining the best: epoch %d of %d"), final_->epoch(), final_->epochs());
    ImGui::ProgressBar(static_cast<float>(final_->units_done()) / std::max<int64_t>(1, final_->units_total()),
                       ImVec2(-1, 0), overlay);
  } else if (final_->status() == TrialStatus::Ok) {
    ImGui::PushStyleColor(ImGuiCol_Text, kBest);
    ui::text_wrapped(ui::tr("%s, retrained on all %d training digits in %.1f s: test accuracy %.2f %% on the %d test "
                              "digits (used this once)."), final_config_.describe().c_str(), train_->size(),
                       final_->train_seconds(), 100 * final_->accuracy(), test_->size());
    ImGui::PopStyleColor();
  } else {
    ImGui::TextColored(kProblem, ui::tr("The final run did not finish: %s"), final_->message().c_str());
  }
}

// A NaN accuracy (a diverged run) is written as null.
json TuningPanel::state() const {
  json s = json::object();
  s["busy"] = busy();
  s["problems"] = problems_;
  if (search_) {
    const SearchProgress p = search_->progress();
    s["done"] = p.done;
    s["total"] = p.total;
    s["finished"] = search_->finished();
    s["best"] = search_->best();
    json rows = json::array();
    for (const SearchRow& r : search_->rows()) {
      rows.push_back({{"config", r.config.describe()}, {"status", status_label(r)},
                      {"accuracy", r.accuracy}, {"seconds", r.train_seconds}});
    }
    s["rows"] = std::move(rows);
  }
  if (final_ && final_->finished()) s["final_accuracy"] = final_->accuracy();
  return s;
}

}  // namespace mlp
