// Shared widgets: colour scale, legend, heatmap, help marker, published buttons; see widgets.hpp.
#include "app/widgets.hpp"

#include "app/i18n.hpp"

#include "platform/js_bridge.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <string_view>

namespace mlp::ui {

namespace {

struct Rgb {
  float r, g, b;
};

constexpr Rgb kOrange{245, 147, 34};   // −1 (TensorFlow Playground's orange)
constexpr Rgb kGrey{232, 234, 237};    //  0
constexpr Rgb kBlue{8, 119, 189};      // +1
constexpr Rgb kInvalid{200, 30, 30};   // NaN / inf

Rgb mix(const Rgb& a, const Rgb& b, float t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

ImU32 to_colour(const Rgb& c, float alpha) {
  return IM_COL32(static_cast<int>(c.r), static_cast<int>(c.g), static_cast<int>(c.b),
                  static_cast<int>(alpha * 255.0f));
}

// Text for a heatmap cell: short enough for a ~48 px cell.
void cell_text(double v, char* out, size_t size) {
  const double a = std::fabs(v);
  if (!std::isfinite(v)) std::snprintf(out, size, "%s", std::isnan(v) ? "NaN" : "inf");
  else if (v == 0.0) std::snprintf(out, size, "0");
  else if (a >= 100.0) std::snprintf(out, size, "%.0f", v);
  else if (a >= 0.01) std::snprintf(out, size, "%.2f", v);
  else std::snprintf(out, size, "%.0e", v);
}

// Black or white text, whichever reads better on `background` at t = |v| / range.
ImU32 text_on_scale(double v, double range) {
  const double t = range > 0 ? std::fabs(v) / range : 0.0;
  return t > 0.6 ? IM_COL32(255, 255, 255, 255) : IM_COL32(25, 30, 40, 255);
}

// Cells wide and tall enough for a number ("-0.35") when they fit, otherwise square cells as
// large as fit.
ImVec2 cell_size(long rows, long cols, float max_width, float max_height, const HeatmapStyle& style) {
  const float em = ImGui::GetFontSize();
  const float w = std::min(max_width / cols, em * 2.6f), h = std::min(max_height / rows, em * 1.05f);
  if (w >= em * 2.2f && h >= em * 0.95f) return ImVec2(std::floor(w), std::floor(h));
  const float side = std::clamp(std::min(max_width / cols, max_height / rows), style.min_cell, style.max_cell);
  return ImVec2(side, side);
}

// Where the larger matrix's row/column `index` is drawn: its position in `shown` (all drawn
// when null), or −1 when it is not drawn.
int shown_position(const std::vector<int>* shown, int index, long count) {
  if (index < 0) return -1;
  if (!shown) return index < count ? index : -1;
  const auto it = std::find(shown->begin(), shown->end(), index);
  return it == shown->end() ? -1 : static_cast<int>(it - shown->begin());
}

}  // namespace

// --- 1. Colour scale ----------------------------------------------------------------------

ImU32 diverging_colour(double v, double range, float alpha) {
  if (!std::isfinite(v)) return to_colour(kInvalid, alpha);
  const double t = range > 0 ? std::clamp(v / range, -1.0, 1.0) : 0.0;
  return to_colour(t < 0 ? mix(kGrey, kOrange, static_cast<float>(-t)) : mix(kGrey, kBlue, static_cast<float>(t)),
                   alpha);
}

ImU32 lighten(ImU32 colour, float amount) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
  const float t = std::clamp(amount, 0.0f, 1.0f);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.x + (1 - c.x) * t, c.y + (1 - c.y) * t, c.z + (1 - c.z) * t, 1.0f));
}

ImU32 class_colour(int k, float alpha) {
  static constexpr Rgb more[] = {kOrange, kBlue, {46, 160, 67}, {150, 70, 190}, {200, 60, 90},
                                 {120, 90, 50}, {30, 160, 160}, {110, 110, 110}, {190, 170, 20}, {60, 60, 200}};
  return to_colour(more[k % 10], alpha);
}

void colour_legend(const char* label, double range, float width) {
  if (label && *label) {
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
  }
  const float h = ImGui::GetTextLineHeight() * 0.7f;
  const std::string lo = format_value(-range, 2), hi = "+" + format_value(range, 2);
  ImGui::TextUnformatted(lo.c_str());
  ImGui::SameLine(0, 4);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float y = p.y + (ImGui::GetTextLineHeight() - h) * 0.5f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const int steps = 16;
  for (int i = 0; i < steps; ++i) {
    const double v0 = -range + 2 * range * i / steps, v1 = -range + 2 * range * (i + 1) / steps;
    draw->AddRectFilledMultiColor(ImVec2(p.x + width * i / steps, y), ImVec2(p.x + width * (i + 1) / steps, y + h),
                                  diverging_colour(v0, range), diverging_colour(v1, range),
                                  diverging_colour(v1, range), diverging_colour(v0, range));
  }
  draw->AddLine(ImVec2(p.x + width / 2, y - 2), ImVec2(p.x + width / 2, y + h + 2), IM_COL32(90, 95, 105, 255));
  ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(tr("One colour scale for every view: orange = negative, light grey = 0, blue = positive.\n"
                         "Full colour at ±%s; larger values stay fully coloured. Red: NaN or infinite (diverged)."),
                      format_value(range).c_str());
  ImGui::SameLine(0, 4);
  ImGui::TextUnformatted(hi.c_str());
}

double symmetric_range(const Matrix<float>& m) {
  // The usual case through Eigen's vectorised reduction: it may drop or return a NaN, so a
  // finite result is the largest finite |value| and anything else takes the loop below.
  const double fast = m.size() > 0 ? m.cwiseAbs().maxCoeff() : 0.0;
  if (std::isfinite(fast)) return fast > 0.0 ? fast : 1.0;
  double r = 0.0;
  for (Eigen::Index i = 0; i < m.size(); ++i) {
    const double v = std::fabs(static_cast<double>(m.data()[i]));
    if (std::isfinite(v)) r = std::max(r, v);
  }
  return r > 0.0 ? r : 1.0;
}

// --- 2. Heatmap ---------------------------------------------------------------------------

ImVec2 heatmap_size(long rows, long cols, float max_width, float max_height, const HeatmapStyle& style) {
  if (rows == 0 || cols == 0) return ImGui::CalcTextSize(tr("(empty)"));
  const ImVec2 cell = cell_size(rows, cols, max_width, max_height, style);
  return ImVec2(cell.x * cols, cell.y * rows);
}

HeatmapHover heatmap(const char* id, const char* name, const Matrix<float>& m, float max_width,
                     float max_height, const HeatmapStyle& style) {
  HeatmapHover hover;
  const long rows = m.rows(), cols = m.cols();
  if (rows == 0 || cols == 0) {
    ImGui::TextDisabled("%s", tr("(empty)"));
    return hover;
  }
  const double range = style.range > 0 ? style.range : symmetric_range(m);
  const ImVec2 cell = cell_size(rows, cols, max_width, max_height, style);
  const bool numbers = cell.x >= ImGui::GetFontSize() * 2.2f;  // square cells stay below that
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(cell.x * cols, cell.y * rows);
  ImGui::InvisibleButton(id, ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked();
  ImDrawList* draw = ImGui::GetWindowDrawList();

  // Only the visible rows (the heatmap may sit in a scrolled child).
  const ImVec2 clip_min = draw->GetClipRectMin(), clip_max = draw->GetClipRectMax();
  const long r0 = std::clamp(static_cast<long>((clip_min.y - origin.y) / cell.y), 0L, rows);
  const long r1 = std::clamp(static_cast<long>((clip_max.y - origin.y) / cell.y) + 1, 0L, rows);
  const float font_size = ImGui::GetFontSize() * 0.72f;
  char text[24];
  for (long r = r0; r < r1; ++r) {
    for (long c = 0; c < cols; ++c) {
      const ImVec2 a(origin.x + c * cell.x, origin.y + r * cell.y);
      const ImVec2 b(a.x + cell.x, a.y + cell.y);
      const double v = m(r, c);
      draw->AddRectFilled(a, b, diverging_colour(v, range));
      if (numbers) {
        cell_text(v, text, sizeof text);
        const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(font_size, FLT_MAX, 0.0f, text);
        draw->AddText(ImGui::GetFont(), font_size, ImVec2(a.x + (cell.x - ts.x) * 0.5f, a.y + (cell.y - ts.y) * 0.5f),
                      text_on_scale(v, range), text);
      }
    }
  }
  if (numbers || cell.x >= 6) {  // grid lines
    for (long c = 0; c <= cols; ++c)
      draw->AddLine(ImVec2(origin.x + c * cell.x, origin.y), ImVec2(origin.x + c * cell.x, origin.y + size.y),
                    IM_COL32(255, 255, 255, 160));
    for (long r = r0; r <= r1; ++r)
      draw->AddLine(ImVec2(origin.x, origin.y + r * cell.y), ImVec2(origin.x + size.x, origin.y + r * cell.y),
                    IM_COL32(255, 255, 255, 160));
  }
  if (style.first_row_ones) {  // the prepended ones column of [1 X]: a dark bar on its left edge
    draw->AddRectFilled(origin, ImVec2(origin.x + 2, origin.y + size.y), IM_COL32(60, 65, 80, 255));
  }
  const ImU32 mark = IM_COL32(20, 20, 20, 255);
  const int hr = shown_position(style.row_index, style.highlight_row, rows);
  const int hc = shown_position(style.col_index, style.highlight_col, cols);
  if (style.highlight_row >= 0) {
    const float y = origin.y + hr * cell.y;
    if (style.highlight_col >= 0 && hr >= 0 && hc >= 0) {
      const float x = origin.x + hc * cell.x;
      draw->AddRect(ImVec2(x - 1, y - 1), ImVec2(x + cell.x + 1, y + cell.y + 1), mark, 0, 0, 2.5f);
    } else if (style.highlight_col < 0 && hr >= 0) {
      draw->AddRect(ImVec2(origin.x - 1, y - 1), ImVec2(origin.x + size.x + 1, y + cell.y + 1), mark, 0, 0, 2.0f);
    }
  } else if (hc >= 0) {
    const float x = origin.x + hc * cell.x;
    draw->AddRect(ImVec2(x - 1, origin.y - 1), ImVec2(x + cell.x + 1, origin.y + size.y + 1), mark, 0, 0, 2.0f);
  }
  draw->AddRect(ImVec2(origin.x - 0.5f, origin.y - 0.5f), ImVec2(origin.x + size.x + 0.5f, origin.y + size.y + 0.5f),
                IM_COL32(150, 155, 165, 255));

  if (hovered) {
    const ImVec2 mouse = ImGui::GetMousePos();
    const int r = std::clamp(static_cast<int>((mouse.y - origin.y) / cell.y), 0, static_cast<int>(rows) - 1);
    const int c = std::clamp(static_cast<int>((mouse.x - origin.x) / cell.x), 0, static_cast<int>(cols) - 1);
    hover.row = style.row_index ? (*style.row_index)[r] : r;
    hover.col = style.col_index ? (*style.col_index)[c] : c;
    hover.clicked = clicked;
    const ImVec2 a(origin.x + c * cell.x, origin.y + r * cell.y);
    draw->AddRect(a, ImVec2(a.x + cell.x, a.y + cell.y), IM_COL32(0, 0, 0, 255), 0, 0, 1.5f);
    ImGui::SetTooltip("%s[%d, %d] = %s", name, hover.row, hover.col, format_value(m(r, c), 7).c_str());
  }
  return hover;
}

double MatrixStats::range() const {
  const double r = std::max(std::fabs(min), std::fabs(max));
  return r > 0.0 ? r : 1.0;
}

MatrixStats matrix_stats(const Matrix<float>& m) {
  MatrixStats s;
  s.rows = m.rows();
  s.cols = m.cols();
  if (m.size() == 0) return s;
  const double n = static_cast<double>(m.size());
  // The usual case through Eigen's vectorised reductions: a NaN or an infinity makes the sum
  // or the sum of squares non-finite, and those take the loop below.
  const double total = m.sum(), total_squares = m.squaredNorm();
  if (std::isfinite(total) && std::isfinite(total_squares)) {
    s.min = m.minCoeff();
    s.max = m.maxCoeff();
    s.sum = total;
    s.mean = total / n;
    s.rms = std::sqrt(total_squares / n);
    return s;
  }
  double lo = 0, hi = 0, sum = 0, squares = 0;
  long finite = 0;
  for (Eigen::Index i = 0; i < m.size(); ++i) {
    const double v = m.data()[i];
    if (!std::isfinite(v)) continue;
    lo = finite ? std::min(lo, v) : v;
    hi = finite ? std::max(hi, v) : v;
    sum += v;
    squares += v * v;
    ++finite;
  }
  s.non_finite = static_cast<long>(m.size()) - finite;
  if (finite == 0) return s;
  s.min = lo;
  s.max = hi;
  s.sum = sum;
  s.mean = sum / finite;
  s.rms = std::sqrt(squares / finite);
  return s;
}

std::vector<std::string> stats_parts(const MatrixStats& s) {
  std::vector<std::string> parts{printf_string(tr("min %s"), format_value(s.min, 2).c_str()),
                                 printf_string(tr("mean %s"), format_value(s.mean, 2).c_str()),
                                 printf_string(tr("max %s"), format_value(s.max, 2).c_str()),
                                 printf_string(tr("rms %s"), format_value(s.rms, 2).c_str())};
  if (s.non_finite > 0) parts.push_back(printf_string(tr("%ld NaN/inf"), s.non_finite));
  return parts;
}

std::string join_lines(const std::vector<std::string>& parts, float width) {
  std::string text, line;
  for (const std::string& part : parts) {
    const std::string longer = line.empty() ? part : line + " · " + part;
    if (!line.empty() && ImGui::CalcTextSize(longer.c_str()).x > width) {
      text += line + "\n";
      line = part;
    } else {
      line = longer;
    }
  }
  return text + line;
}

// --- 3. Help and ids ----------------------------------------------------------------------

namespace {

constexpr char32_t kFirstCjk = 0x2E80;  // CJK radicals, ideographs, CJK and full-width punctuation
constexpr std::u32string_view kClosing = U"，。、：；！？）」』％";  // never at the start of a line
constexpr std::u32string_view kOpening = U"（「『";                 // never at the end of a line

// The character at `s` (UTF-8); `s` moves past it. A malformed byte reads as itself.
char32_t next_char(const char*& s) {
  const auto byte = [&](int i) { return static_cast<char32_t>(static_cast<unsigned char>(s[i])); };
  const char32_t b = byte(0);
  int n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
  for (int i = 1; i < n; ++i)
    if ((byte(i) & 0xC0) != 0x80) n = 1;  // cut short: one byte
  char32_t c = n == 1 ? b : b & (0x7F >> n);
  for (int i = 1; i < n; ++i) c = (c << 6) | (byte(i) & 0x3F);
  s += n;
  return c;
}

bool is_cjk(char32_t c) { return c >= kFirstCjk; }

bool has_cjk(const char* text) {
  for (const char* s = text; *s != '\0';)
    if (is_cjk(next_char(s))) return true;
  return false;
}

// A piece never broken (unless it alone is wider than the line): a Latin word, one Chinese
// character with the punctuation that must stay with it, or a space.
struct WrapUnit {
  std::string text;
  float width = 0.0f;
  bool space = false;
  bool ends_cjk = false;
};

std::vector<WrapUnit> wrap_units(const std::string& line) {
  const ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  std::vector<WrapUnit> units;
  bool glued = false;  // the last unit ends with an opening bracket: the next character joins it
  for (const char* s = line.c_str(); *s != '\0';) {
    const char* at = s;
    const char32_t c = next_char(s);
    const std::string text(at, s);
    const float width = font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
    const bool space = c == U' ';
    const bool closing = kClosing.find(c) != std::u32string_view::npos;
    const bool joins = !units.empty() && !space && !units.back().space &&
                       (glued || closing || (!is_cjk(c) && !units.back().ends_cjk));
    if (joins) {
      units.back().text += text;
      units.back().width += width;
      units.back().ends_cjk = is_cjk(c);
    } else {
      units.push_back({text, width, space, is_cjk(c)});
    }
    glued = kOpening.find(c) != std::u32string_view::npos;
  }
  return units;
}

}  // namespace

void help_marker(const char* text) {
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    const float width = ImGui::GetFontSize() * 28.0f;
    ImGui::PushTextWrapPos(width);
    ImGui::TextUnformatted(has_cjk(text) ? wrap_lines(text, width).c_str() : text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void publish_last_item(const char* id) {
  // Only the part inside the window's visible area (a scrolled-away item is not published).
  const ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 clip_a = draw->GetClipRectMin(), clip_b = draw->GetClipRectMax();
  const ImVec2 a(std::max(ImGui::GetItemRectMin().x, clip_a.x), std::max(ImGui::GetItemRectMin().y, clip_a.y));
  const ImVec2 b(std::min(ImGui::GetItemRectMax().x, clip_b.x), std::min(ImGui::GetItemRectMax().y, clip_b.y));
  if (a.x < b.x && a.y < b.y) bridge::publish_widget(id, a.x, a.y, b.x, b.y);
}

bool slider_double(const char* label, double& v, double lo, double hi, const char* format, ImGuiSliderFlags flags) {
  return ImGui::SliderScalar(label, ImGuiDataType_Double, &v, &lo, &hi, format, flags);
}

bool drag_double(const char* label, double& v, float speed, double lo, double hi, const char* format) {
  return ImGui::DragScalar(label, ImGuiDataType_Double, &v, speed, &lo, &hi, format);
}

bool published_button(const char* label, const char* id, const char* tooltip, const ImVec2& size) {
  const bool pressed = ImGui::Button(label, size);
  publish_last_item(id);
  if (tooltip && ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(tooltip);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  return pressed;
}

bool begin_tab(const char* label, const char* id, ImGuiTabItemFlags flags) {
  const bool open = ImGui::BeginTabItem((std::string(label) + "###" + id).c_str(), nullptr, flags);
  publish_last_item(id);
  return open;
}

LockedScope::LockedScope(bool locked) : locked_(locked) {
  if (locked_) ImGui::BeginDisabled();
}

LockedScope::~LockedScope() {
  if (!locked_) return;
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", tr("Locked: the link you opened fixes this setting, so that everyone sees the same run."));
}

// --- 4. Text ------------------------------------------------------------------------------

std::string format_value(double v, int digits) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "inf" : "−inf";
  char text[40];
  std::snprintf(text, sizeof text, "%.*g", digits, v);
  return text;
}

std::string printf_string(const char* format, ...) {
  char buffer[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  return buffer;
}

std::string wrap_lines(const std::string& text, float width) {
  std::string out;
  for (size_t start = 0;;) {  // each paragraph on its own
    const size_t end = std::min(text.find('\n', start), text.size());
    float line_w = 0.0f, pending_space = 0.0f;
    bool line_empty = true;
    for (const WrapUnit& u : wrap_units(text.substr(start, end - start))) {
      if (u.space) {
        if (!line_empty) pending_space += u.width;
        continue;
      }
      if (!line_empty && line_w + pending_space + u.width > width) {
        out += '\n';
        line_w = pending_space = 0.0f;
        line_empty = true;
      }
      if (pending_space > 0) out += ' ';
      out += u.text;
      line_w += pending_space + u.width;
      pending_space = 0.0f;
      line_empty = false;
    }
    if (end == text.size()) return out;
    out += '\n';
    start = end + 1;
  }
}

void text_wrapped(const char* format, ...) {
  char buffer[4096];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  if (!has_cjk(buffer)) {
    ImGui::TextWrapped("%s", buffer);
    return;
  }
  ImGui::TextUnformatted(wrap_lines(buffer, std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize())).c_str());
}

std::string shape_text(long rows, long cols) {
  return "(" + std::to_string(rows) + "×" + std::to_string(cols) + ")";
}

}  // namespace mlp::ui
