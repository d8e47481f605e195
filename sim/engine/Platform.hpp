// Platform: the SimGrid platform of one replication. One full-routing zone holds a host per system, a
// "control" host for the engine's own actor (never fails), one link per electronic hop between systems
// with an explicit route, and per-system state and speed profiles generated from the availability
// timelines (so SimGrid's hosts go down, come back and slow down exactly when the model's mirror says).
// Host speed = the system's capacity in items per second (1 when unlimited). Network model: CM02 with
// cross-traffic off (textbook latency + size / bandwidth); no message flows on it today.
#pragma once

#include <simgrid/forward.h>

#include <string>
#include <utility>
#include <vector>

#include "engine/Model.hpp"

namespace recordflow::engine {

struct PlatformHandles {
  simgrid::s4u::Host* control = nullptr;
  std::vector<simgrid::s4u::Host*> systems;  // by system index of the Model
};

// Builds the platform from the topology's systems and electronic links (Topology::systems() and
// system_links()); must run after the Engine is constructed and before it runs.
PlatformHandles build_platform(const Model& model, const std::vector<std::string>& systems,
                               const std::vector<std::pair<std::string, std::string>>& links);

}  // namespace recordflow::engine
