// SystemLedger: load and resilience of record systems and integration components (METRICS.md, "Systems
// and resilience"): items processed, the store-and-forward backlog (largest after the warm-up, and at the
// end of each day), hours down after the warm-up, and backlog clearing after outages.
// An outage starts when a system goes down and ends when it comes back up; it "left a backlog" when the
// queue at recovery is longer than at the moment it went down (its pre-outage length). Its clear time is
// the time from recovery to the first QueueLength sample at or below the pre-outage length. Only outages
// that end at or after the warm-up count. Staff pool queues (is_system = false) are not recorded here.
// A system with scripted episodes (EpisodeHours.hpp) also gets `backlog_hourly`: the length at the end of
// each hour around its episodes (8 bytes per hour of the run while running; only kept hours reported).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "recorder/Events.hpp"
#include "recorder/NameTable.hpp"
#include "recorder/ReplicationResult.hpp"

namespace recordflow {

class SystemLedger {
 public:
  SystemLedger(const Scenario& scenario, Hours warm_up);

  void state(const SystemState& event);
  void queue(const QueueLength& event);
  void processed(const ItemProcessed& event);
  void diverted(const ItemDiverted& event);
  // Adds the metrics and the daily backlog series; `end_time` closes open outages and the series.
  void report(ReplicationResult& result, Hours end_time, std::size_t days) const;

 private:
  struct PendingClear {
    Hours recovered_at = 0;
    std::size_t pre_outage_length = 0;
  };

  struct SystemBook {
    std::uint64_t items_processed = 0;
    std::uint64_t items_diverted = 0;
    std::size_t length = 0;  // current queue length
    std::size_t max_after_warm_up = 0;
    bool measuring = false;  // a sample at or after the warm-up has been seen
    bool down = false;
    Hours down_since = 0;
    std::size_t pre_outage_length = 0;
    Hours downtime = 0;  // after the warm-up, closed outages only
    double clear_time_sum = 0;
    std::uint64_t cleared = 0;
    std::vector<PendingClear> pending;
    std::vector<double> backlog_per_day;   // length at the end of each day so far
    bool hourly = false;                   // the system has scripted episodes
    std::vector<double> backlog_per_hour;  // length at the end of each hour so far (hourly systems only)
  };

  SystemBook& book(const std::string* name);
  void fill_days(SystemBook& book, std::size_t day) const;

  const Scenario& scenario_;
  Hours warm_up_;
  NameTable names_;
  std::vector<SystemBook> books_;  // per system id
};

}  // namespace recordflow
