// Calendar: when something is open (an organisation's opening hours, a staff pool's shifts).
// A weekly pattern of open intervals plus optional closed days (bank holidays). Time is simulated hours
// since the start of the simulation, which is a Monday 00:00. Intervals are half-open [start, end),
// sorted, non-overlapping, within one week [0, 168); an interval that crosses Sunday midnight is split.
// An "always open" calendar is the 24/7 default.
#pragma once

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "core/Units.hpp"

namespace recordflow {

class Calendar {
 public:
  static constexpr Hours kNever = std::numeric_limits<double>::infinity();

  Calendar() = default;  // always open
  static Calendar always_open();
  // Builds from weekly intervals (hours since Monday 00:00; end may exceed 168 to wrap into Monday).
  static Calendar weekly(std::vector<std::pair<Hours, Hours>> intervals, std::vector<int> closed_days = {});

  bool always() const { return always_; }
  bool is_open(Hours t) const;
  // Earliest time >= t at which the calendar is open (t itself when open now); kNever if never open.
  Hours next_open(Hours t) const;
  // End of the open period containing t (t if closed at t); kNever for an always-open calendar.
  Hours next_close(Hours t) const;
  double open_hours_per_week() const;
  const std::vector<std::pair<Hours, Hours>>& intervals() const { return intervals_; }
  const std::vector<int>& closed_days() const { return closed_days_; }

 private:
  bool day_closed(Hours t) const;
  bool always_ = true;
  std::vector<std::pair<Hours, Hours>> intervals_;  // normalised weekly intervals
  std::vector<int> closed_days_;                     // day indices since t = 0, sorted
};

}  // namespace recordflow
