#include "core/Calendar.hpp"

#include <algorithm>
#include <cmath>

namespace recordflow {

Calendar Calendar::always_open() { return Calendar(); }

Calendar Calendar::weekly(std::vector<std::pair<Hours, Hours>> raw, std::vector<int> closed_days) {
  Calendar c;
  c.always_ = false;
  std::vector<std::pair<Hours, Hours>> pieces;
  for (auto [start, end] : raw) {
    if (!(end > start)) continue;
    const double length = std::min(end - start, kHoursPerWeek);
    start = std::fmod(start, kHoursPerWeek);
    if (start < 0) start += kHoursPerWeek;
    if (start + length <= kHoursPerWeek) {
      pieces.emplace_back(start, start + length);
    } else {
      pieces.emplace_back(start, kHoursPerWeek);
      pieces.emplace_back(0.0, start + length - kHoursPerWeek);
    }
  }
  std::sort(pieces.begin(), pieces.end());
  for (const auto& p : pieces) {
    if (!c.intervals_.empty() && p.first <= c.intervals_.back().second)
      c.intervals_.back().second = std::max(c.intervals_.back().second, p.second);
    else
      c.intervals_.push_back(p);
  }
  std::sort(closed_days.begin(), closed_days.end());
  closed_days.erase(std::unique(closed_days.begin(), closed_days.end()), closed_days.end());
  c.closed_days_ = std::move(closed_days);
  if (c.intervals_.size() == 1 && c.intervals_[0].first <= 0 && c.intervals_[0].second >= kHoursPerWeek &&
      c.closed_days_.empty())
    c.always_ = true;
  return c;
}

bool Calendar::day_closed(Hours t) const {
  if (closed_days_.empty()) return false;
  const int day = static_cast<int>(std::floor(t / kHoursPerDay));
  return std::binary_search(closed_days_.begin(), closed_days_.end(), day);
}

bool Calendar::is_open(Hours t) const {
  if (always_) return true;
  if (day_closed(t)) return false;
  const double week_start = std::floor(t / kHoursPerWeek) * kHoursPerWeek;
  const double w = t - week_start;
  for (const auto& [s, e] : intervals_)
    if (w >= s && w < e) return true;
  return false;
}

Hours Calendar::next_open(Hours t) const {
  if (always_) return t;
  if (intervals_.empty()) return kNever;
  Hours candidate = t;
  // Each pass either returns or steps past one closed day, so closed-days + 1 passes suffice.
  for (std::size_t pass = 0; pass <= closed_days_.size() + 1; ++pass) {
    const double week_start = std::floor(candidate / kHoursPerWeek) * kHoursPerWeek;
    const double w = candidate - week_start;
    Hours found = week_start + kHoursPerWeek + intervals_.front().first;
    for (const auto& [s, e] : intervals_) {
      if (w < e) {
        found = week_start + std::max(s, w);
        break;
      }
    }
    if (!day_closed(found)) return found;
    candidate = (std::floor(found / kHoursPerDay) + 1) * kHoursPerDay;
  }
  return kNever;
}

Hours Calendar::next_close(Hours t) const {
  if (always_) return kNever;
  if (!is_open(t)) return t;
  Hours cursor = t;
  // Follow open periods that continue across midnight or across the end of the week, up to a year.
  while (cursor - t < kHoursPerYear) {
    const double week_start = std::floor(cursor / kHoursPerWeek) * kHoursPerWeek;
    const double w = cursor - week_start;
    Hours close = cursor;
    for (const auto& [s, e] : intervals_)
      if (w >= s && w < e) close = week_start + e;
    const Hours midnight = (std::floor(cursor / kHoursPerDay) + 1) * kHoursPerDay;
    if (midnight <= close && day_closed(midnight)) return midnight;
    if (close <= cursor || !is_open(close)) return close;
    cursor = close;
  }
  return kNever;
}

double Calendar::open_hours_per_week() const {
  if (always_) return kHoursPerWeek;
  double total = 0;
  for (const auto& [s, e] : intervals_) total += e - s;
  return total;
}

}  // namespace recordflow
