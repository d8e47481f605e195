// DailyTotals: a per-day sum (gaps, copies created, staff minutes) for the daily series. Day d covers
// simulated hours [24 d, 24 d + 24); day 0 starts at t = 0, so warm-up days are included. Events at or
// after the horizon fold into the last day (an event at exactly the horizon belongs to no later day).
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "core/Units.hpp"

namespace recordflow {

// Index of the day holding time t (negative times count as day 0).
inline std::size_t day_of(Hours t) {
  return t <= 0 ? 0 : static_cast<std::size_t>(std::floor(t / kHoursPerDay));
}

// Number of days in a run that ends at `end_time` (at least one).
inline std::size_t days_until(Hours end_time) {
  if (!(end_time > 0)) return 1;
  return static_cast<std::size_t>(std::ceil(end_time / kHoursPerDay));
}

class DailyTotals {
 public:
  void add(Hours t, double amount) {
    const std::size_t day = day_of(t);
    if (day >= totals_.size()) totals_.resize(day + 1, 0.0);
    totals_[day] += amount;
  }

  std::vector<double> values(std::size_t days) const {
    std::vector<double> out(days, 0.0);
    for (std::size_t d = 0; d < totals_.size(); ++d) out[d < days ? d : days - 1] += totals_[d];
    return out;
  }

 private:
  std::vector<double> totals_;
};

}  // namespace recordflow
