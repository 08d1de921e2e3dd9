// Progress bar and progress lines; see progress.hpp.
#include "cli/progress.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <iomanip>

namespace mlp::cli {

namespace {

std::string seconds_text(double s) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(1) << s << 's';
  return o.str();
}

int digits(long v) { return static_cast<int>(std::to_string(v).size()); }

}  // namespace

std::string format_bar(const ProgressStatus& s, int width) {
  const double f = s.total > 0 ? std::min(1.0, static_cast<double>(s.iteration) / static_cast<double>(s.total)) : 0.0;
  const int filled = static_cast<int>(std::lround(f * width));
  std::ostringstream o;
  o << '[' << std::string(filled, '#') << std::string(width - filled, '-') << "] " << std::setw(digits(s.total))
    << s.iteration << '/' << s.total << "  epoch " << std::fixed << std::setprecision(2) << s.epoch_fraction
    << "  batch loss " << std::setprecision(4) << s.batch_loss << "  " << seconds_text(s.seconds);
  return o.str();
}

std::string score_text(double score, bool regression) {
  std::ostringstream o;
  o << std::fixed;
  if (regression) o << "r2 " << std::setprecision(4) << score;
  else o << "acc " << std::setprecision(2) << 100 * score << '%';
  return o.str();
}

std::string format_point(const HistoryPoint& p, long total, double seconds, bool regression) {
  std::ostringstream o;
  o << "iter " << std::setw(digits(total)) << p.iteration << '/' << total << "  epoch " << std::fixed
    << std::setprecision(2) << p.epoch << std::setprecision(4) << "  train loss " << p.train_loss << ' '
    << score_text(p.train_accuracy, regression);
  if (!std::isnan(p.test_loss))
    o << std::setprecision(4) << "  test loss " << p.test_loss << ' ' << score_text(p.test_accuracy, regression);
  o << "  " << seconds_text(seconds);
  return o.str();
}

void ProgressPrinter::clear_bar() {
  if (!bar_shown_) return;
  std::fputs("\r\033[K", out_);
  bar_shown_ = false;
}

void ProgressPrinter::on_step(const ProgressStatus& s) {
  if (!terminal_ || (s.seconds - last_draw_ < 0.1 && s.iteration < s.total)) return;
  last_draw_ = s.seconds;
  std::fprintf(out_, "\r\033[K%s", format_bar(s).c_str());
  std::fflush(out_);
  bar_shown_ = true;
}

void ProgressPrinter::on_point(const HistoryPoint& p, const ProgressStatus& s, bool epoch_ended) {
  const long tenth = s.total > 0 ? 10 * s.iteration / s.total : 0;
  constexpr double kEpochLinesUpTo = 20;
  const bool print = p.iteration == 0 || (epoch_ended && s.total_epochs <= kEpochLinesUpTo) ||
                     tenth > last_tenth_ || s.iteration >= s.total;
  last_tenth_ = tenth;
  if (!print) return;
  clear_bar();
  std::fprintf(out_, "%s\n", format_point(p, s.total, s.seconds, regression_).c_str());
  std::fflush(out_);
  last_draw_ = -1;  // redraw the bar right away
}

void ProgressPrinter::finish() {
  clear_bar();
  std::fflush(out_);
}

}  // namespace mlp::cli
