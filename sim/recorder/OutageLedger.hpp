// OutageLedger: the outage episodes of one replication (RESULTS-FORMAT.md, `outage_episodes`). A system
// episode runs from the SystemState that takes the system down to the one that brings it back up; its
// cause is what the engine names at the start (planned, incident, zone_incident, failure). Like
// SystemLedger, it "left a backlog" when the system's queue at recovery is longer than when it went down,
// and its clear time is the time from recovery to the first queue sample at or below that pre-outage
// length (unset while not cleared). Zone and link episodes come from the scenario's infrastructure
// incidents (deterministic): overlapping incidents on one zone or link form one episode named after the
// first. Times are hours since the run start; every episode of the run is listed, warm-up included; an
// episode still open at the horizon has no end. Memory: one small record per episode.
#pragma once

#include <cstddef>
#include <vector>

#include "recorder/Events.hpp"
#include "recorder/NameTable.hpp"
#include "recorder/ReplicationResult.hpp"

namespace recordflow {

class OutageLedger {
 public:
  explicit OutageLedger(const Scenario& scenario) : scenario_(scenario) {}

  void state(const SystemState& event);
  void queue(const QueueLength& event);
  // Adds the episodes, sorted by (level, name, start), to `result.outage_episodes`.
  void report(ReplicationResult& result, Hours end_time) const;

 private:
  struct PendingClear {
    std::size_t episode = 0;
    Hours recovered_at = 0;
    std::size_t pre_outage_length = 0;
  };
  struct SystemBook {
    std::size_t length = 0;      // current queue length
    std::size_t open = kClosed;  // index in episodes_ of the episode in progress
    std::size_t pre_outage_length = 0;
    std::vector<PendingClear> pending;
  };
  static constexpr std::size_t kClosed = ~std::size_t{0};

  SystemBook& book(const std::string* name);

  const Scenario& scenario_;
  NameTable names_;
  std::vector<SystemBook> books_;  // per system id
  std::vector<OutageEpisode> episodes_;
};

}  // namespace recordflow
