// Simulation: runs one replication of one design of a scenario on SimGrid and streams typed events to a
// sink. This header is the engine's only public face; it includes no SimGrid header. SimGrid's engine is
// one per process, so call simulate() at most once per process.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "recorder/Events.hpp"
#include "scenario/Scenario.hpp"

namespace recordflow {

struct EngineOptions {
  bool thread_contexts = false;  // SimGrid's thread context factory (required under AddressSanitizer)
  bool verbose = false;          // SimGrid's own INFO logs on stderr
  // Count every copy by state at each simulated day end, not only at the horizon (a walk over all copies
  // per day; on in test builds: RECORDFLOW_AUDIT_COPIES).
#ifdef RECORDFLOW_AUDIT_COPIES
  bool audit_copies_daily = true;
#else
  bool audit_copies_daily = false;
#endif
  // Progress hook: called with the number of whole simulated days done (1, 2, ..., in increasing order,
  // the last call with ceil(horizon / 24)), from the engine's agenda loop; must not throw.
  std::function<void(int days_done)> on_day_end;
};

struct EngineReport {
  std::uint64_t logical_events = 0;  // journey, step and availability events handled
  std::uint64_t actor_wakeups = 0;   // SimGrid actor wake-ups (the cost driver)
  Hours end_time = 0;
  // The pre-history (experiment.pre_history; engine/README.md): journeys started before 0, and the copies
  // made before 0, settled available or lost.
  std::uint64_t pre_history_journeys = 0;
  std::uint64_t pre_history_copies = 0;
  std::uint64_t pre_history_copies_lost = 0;
  std::vector<Hours> pre_history_by_pathway;  // hours each pathway ran before 0, in scenario order
};

// Throws std::runtime_error if the simulation fails (an actor error, a deadlock).
EngineReport simulate(const Scenario& scenario, int replication, EventSink& sink,
                      const EngineOptions& options);

}  // namespace recordflow
