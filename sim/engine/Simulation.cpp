#include "engine/Simulation.hpp"

#include "engine/Replication.hpp"

namespace recordflow {

EngineReport simulate(const Scenario& scenario, int replication, EventSink& sink,
                      const EngineOptions& options) {
  return engine::run_replication(scenario, replication, sink, options, engine::kDefaultWakeQuantum);
}

}  // namespace recordflow
