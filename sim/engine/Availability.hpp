// Availability: the precomputed timeline of one system over the horizon: when it is down (planned
// windows, random failures, scripted incidents) and at what share of its capacity it runs (incident
// recovery phases, degraded periods), plus its silent-failure windows. Computed once per replication from
// the system's own named stream, so every design of a replication sees the same failures. The engine
// drives SimGrid's host state and speed profiles from it and keeps it as its mirror for "is S up at t".
#pragma once

#include <vector>

#include "core/RandomStream.hpp"
#include "scenario/Scenario.hpp"

namespace recordflow::engine {

// The state that holds from `time` until the next change. Consecutive changes differ.
struct AvailabilityChange {
  Hours time = 0;
  bool up = true;
  double share = 1.0;  // capacity share while up
};

// From `start` a share of the items passing the system is withheld, until `detect`.
struct SilentWindow {
  Hours start = 0;
  Hours detect = 0;
  double share = 0;
};

struct SystemTimeline {
  std::vector<AvailabilityChange> changes;  // sorted by time; before the first change: up, share 1
  std::vector<SilentWindow> silent;         // sorted by start

  bool up_at(Hours t) const;
  double share_at(Hours t) const;
  // Hours of downtime within [from, to).
  Hours downtime(Hours from, Hours to) const;
};

// `failures` is the stream "system/<name>/failures" of the replication; silent-failure detection delays
// come from its sub-stream "silent" so that adding one never shifts the failure draws.
SystemTimeline build_timeline(const System& system, Hours horizon, RandomStream failures);

}  // namespace recordflow::engine
