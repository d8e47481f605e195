// Platform: the SimGrid platform of one replication, built from the design's infrastructure graph
// (topology/InfrastructureGraph.hpp). One full-routing zone holds a host per system (host property "zone":
// the zones holding it, innermost first, joined by '/'), a "control" host for the engine's own actor
// (never fails), one SimGrid link per platform link (declared networks, or by default one per electronic
// hop) and, for each electronic hop, an explicit route: the links of the shortest path by latency
// (SimGrid's own Dijkstra/Floyd zones would count hops). A hop between systems of one zone family crosses
// that zone's LAN link ("lan:<zone>", 0.1 ms, 10 Gbit/s, an assumption), since SimGrid forbids empty
// routes. Profiles: each host's state and speed follow its availability timeline (zone incidents
// included); each link's state and bandwidth follow its incidents. Host speed = the system's capacity in
// items per second (1 when unlimited). Network model: CM02 with cross-traffic off (latency + size /
// bandwidth).
#pragma once

#include <simgrid/forward.h>

#include <string>
#include <utility>
#include <vector>

#include "engine/Availability.hpp"
#include "engine/Model.hpp"
#include "scenario/Scenario.hpp"
#include "topology/Topology.hpp"

namespace recordflow::engine {

struct PlatformHandles {
  simgrid::s4u::Host* control = nullptr;
  std::vector<simgrid::s4u::Host*> systems;  // by system index of the Model
  std::vector<simgrid::s4u::Link*> links;    // by link index of `network`
  NetworkAvailability network;               // link timelines and each hop's route (see Availability.hpp)
};

// Must run after the Engine is constructed and before it runs. Throws std::runtime_error when an
// electronic hop of the design has no route (validation rules this out for declared infrastructures).
PlatformHandles build_platform(const Model& model, const Scenario& scenario, const Topology& topology);

}  // namespace recordflow::engine
