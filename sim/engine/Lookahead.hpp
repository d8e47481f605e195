// Lookahead: how far the model may run ahead of SimGrid's clock. The model's own events (journeys, staff,
// transit latencies) are known in advance; what SimGrid decides is not: a host changing state or speed
// (only at the instants its profiles were built from: the sync points) and the end of an activity running
// on a host (never before its start plus its work at full speed, since a speed share never exceeds 1).
// An event at time t may run when t is at or before the clock (SimGrid has already reported everything up
// to then), or strictly before the barrier: the first sync point after the clock and the earliest possible
// end of every running activity. Times in simulated hours; the tolerance absorbs SimGrid's clock, which is
// a sum of deltas in seconds.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/Calendar.hpp"
#include "core/Units.hpp"

namespace recordflow::engine {

class Lookahead {
 public:
  static constexpr Hours kTolerance = 1e-9;  // hours (3.6 microseconds)

  void add_sync_point(Hours t) { sync_points_.push_back(t); }
  void seal() {
    std::sort(sync_points_.begin(), sync_points_.end());
    sync_points_.erase(std::unique(sync_points_.begin(), sync_points_.end()), sync_points_.end());
  }

  // SimGrid's clock moved to `clock` hours: sync points up to it have been reported.
  void set_clock(Hours clock) {
    clock_ = std::max(clock_, clock);
    while (next_sync_ < sync_points_.size() && sync_points_[next_sync_] <= clock_ + kTolerance) ++next_sync_;
  }
  Hours clock() const { return clock_; }
  Hours next_sync_point() const {
    return next_sync_ < sync_points_.size() ? sync_points_[next_sync_] : Calendar::kNever;
  }
  Hours barrier() const {
    Hours b = next_sync_point();
    for (const Running& r : running_) b = std::min(b, r.earliest_end);
    return b;
  }
  bool may_run(Hours t) const { return t <= clock_ + kTolerance || t < barrier(); }

  // An activity that cannot end before `earliest_end`; returns its token.
  std::uint64_t start_activity(Hours earliest_end) {
    running_.push_back(Running{next_token_, earliest_end});
    return next_token_++;
  }
  void end_activity(std::uint64_t token) {
    std::erase_if(running_, [token](const Running& r) { return r.token == token; });
  }
  bool activities_running() const { return !running_.empty(); }

  // The sync point within the tolerance of t (SimGrid's rendering of it), else t.
  Hours snap(Hours t) const {
    auto it = std::lower_bound(sync_points_.begin(), sync_points_.end(), t - kTolerance);
    return it != sync_points_.end() && std::abs(*it - t) <= kTolerance ? *it : t;
  }

 private:
  struct Running {
    std::uint64_t token = 0;
    Hours earliest_end = 0;
  };
  std::vector<Hours> sync_points_;
  std::size_t next_sync_ = 0;
  Hours clock_ = 0;
  std::vector<Running> running_;
  std::uint64_t next_token_ = 0;
};

}  // namespace recordflow::engine
