#include "runner/Progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace recordflow {

Progress::Progress(bool enabled, double horizon_hours)
    : enabled_(enabled && ::isatty(STDERR_FILENO) == 1),
      horizon_hours_(horizon_hours),
      start_(std::chrono::steady_clock::now()) {}

std::string Progress::format_eta(double seconds) {
  const long s = std::lround(std::max(seconds, 0.0));
  char text[32];
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  else
    std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  return text;
}

std::string Progress::line() const {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double days = done_ * horizon_hours_ / 24.0 + running_days_;
  const double total_days = total_ * horizon_hours_ / 24.0;
  std::string eta = "ETA --:--";
  if (days > 0 && total_days > days) eta = "ETA " + format_eta(elapsed * (total_days - days) / days);
  char text[160];
  std::snprintf(text, sizeof text, "%d/%d replications, %.0f simulated days, %s", done_, total_, days,
                eta.c_str());
  return text;
}

void Progress::draw() {
  if (!enabled_) return;
  std::fprintf(stderr, "\r\033[K%s", line().c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::clear() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace recordflow
