// Replication: the SimGrid run behind simulate(), with the one knob tests need. The agenda actor sleeps
// until the model's next event, then lets the model handle every event due within `wake_quantum` hours of
// it, each at its own exact time. The model never reads SimGrid's clock, so the event stream does not
// depend on the quantum (a test checks it); a larger quantum only means fewer SimGrid wake-ups.
#pragma once

#include <cstdint>

#include <cstdint>

#include "engine/Simulation.hpp"

namespace recordflow::engine {

constexpr Hours kDefaultWakeQuantum = 1.0 / 60.0;  // one simulated minute

// What the run observed on the SimGrid side (for tests). Each host state change is checked against the
// availability timeline; a disagreement fails the run.
struct ReplicationStats {
  std::uint64_t host_state_changes = 0;  // SimGrid system hosts turned off or on
};

EngineReport run_replication(const Scenario& scenario, int replication, EventSink& sink,
                             const EngineOptions& options, Hours wake_quantum,
                             ReplicationStats* stats = nullptr);

}  // namespace recordflow::engine
