// StaffQueueLedger: the daily series `staff_queue` {pool: "org/pool"} (METRICS.md): the number of tasks
// waiting for the staff of each pool (queued, not yet started) at the end of each simulated day, from the
// engine's QueueLength events for staff pools (is_system = false). `org` is the declared organisation
// name: the pools of a template's instances ("gp_practice#12") are summed into one series per declared
// pool, so the output grows with the scenario's declarations, not its instance counts. Day d ends at hour 24
// (d + 1); a day with no sample of its own ends with the length then current; a sample at exactly the horizon
// ends the last day. Every declared pool reports its series (zeros included), warm-up days included. Memory:
// one number per pool per day.
#pragma once

#include <cstddef>
#include <vector>

#include "recorder/Events.hpp"
#include "recorder/NameTable.hpp"
#include "recorder/ReplicationResult.hpp"

namespace recordflow {

class StaffQueueLedger {
 public:
  explicit StaffQueueLedger(const Scenario& scenario);

  void queue(const QueueLength& event);
  void report(ReplicationResult& result, Hours end_time, std::size_t days) const;

 private:
  struct PoolBook {
    std::size_t length = 0;       // summed over the instances
    std::vector<double> per_day;  // length at the end of each day so far
  };

  NameTable instances_;                  // "org/pool" of each instance
  std::vector<std::uint32_t> group_of_;  // instance id -> declared pool id
  std::vector<std::size_t> instance_length_;
  NameTable names_;              // declared "org/pool"
  std::vector<PoolBook> books_;  // per declared pool id
};

}  // namespace recordflow
