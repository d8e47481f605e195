// Replication: the SimGrid run behind simulate(), with the one knob tests need. The agenda actor waits for
// SimGrid until the model's next event may run, then lets the model handle every event due within
// `wake_quantum` hours of it that may run (Lookahead.hpp), each at its own exact time. Event times come
// from the agenda or from SimGrid (an item's end, a host change), never from when the actor woke, so the
// event stream does not depend on the quantum (a test checks it); a larger quantum means fewer wake-ups.
#pragma once

#include <cstdint>

#include "engine/Simulation.hpp"

namespace recordflow::engine {

constexpr Hours kDefaultWakeQuantum = 1.0 / 60.0;  // one simulated minute

// What the run observed on the SimGrid side (for tests): the model learns every host change and every
// item's end from these.
struct ReplicationStats {
  std::uint64_t host_state_changes = 0;  // SimGrid system hosts turned off or on
  std::uint64_t executions = 0;          // items SimGrid executed on system hosts
  std::uint64_t failed_executions = 0;   // items whose execution died with their host
};

EngineReport run_replication(const Scenario& scenario, int replication, EventSink& sink,
                             const EngineOptions& options, Hours wake_quantum,
                             ReplicationStats* stats = nullptr);

}  // namespace recordflow::engine
