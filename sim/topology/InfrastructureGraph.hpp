// InfrastructureGraph: the platform a design runs on, as a graph. Elements are hosts (one per system),
// zones and network links; a host joins its zone, a zone the zone it sits in, a link every zone or host
// it connects. Routes between hosts are shortest paths by latency (Boost.Graph Dijkstra) that enter and
// leave hosts only at their ends (a system is not a router); a route lists the links it crosses in order.
// Systems in one zone family talk without crossing a link (an empty route). Without a declared
// infrastructure the graph is the default platform: a host per system and one link per electronic hop
// of the design ("<a>--<b>", 5 ms, 1 Gbit/s), so every hop's route is its own link. Units: latency in
// hours, bandwidth in bytes per second. Deterministic: the same inputs give the same routes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenario/Scenario.hpp"

namespace recordflow {

struct PlatformElement {
  enum class Kind { zone, link, host };
  Kind kind = Kind::host;
  std::string name;  // zone, link or system name
};
const char* to_string(PlatformElement::Kind kind);

struct PlatformRoute {
  std::vector<std::string> links;  // links crossed, in order from source to destination
  Hours latency = 0;               // sum of the links' latencies
};

class InfrastructureGraph {
 public:
  // `hops`: the electronic system -> system hops of the design (Topology::system_links()); they make the
  // default platform's links when the scenario declares no infrastructure.
  static InfrastructureGraph build(const Scenario& scenario,
                                   const std::vector<std::pair<std::string, std::string>>& hops);

  // Elements: zones (sorted), then links (sorted), then hosts (sorted by system name).
  const std::vector<PlatformElement>& elements() const { return elements_; }
  // The links of the platform with their latency and bandwidth (declared ones, or the default ones).
  const std::vector<NetworkLink>& links() const { return links_; }
  bool declared() const { return declared_; }
  // Shortest route by latency from one system's host to another's; nullopt when none exists.
  std::optional<PlatformRoute> route(const std::string& from, const std::string& to) const;
  // Indices into elements() of the articulation points (cut vertices) of the undirected platform graph:
  // removing one splits it. Sorted.
  std::vector<std::size_t> articulation_points() const;
  // The elements a hop from one system to another cannot do without: both hosts, the zones holding them
  // and the links of its route (none when no route exists). Indices into elements(), sorted.
  std::vector<std::size_t> needed_by_hop(const std::string& from, const std::string& to) const;
  std::vector<std::size_t> needed_by_system(const std::string& system) const;  // its host and zones
  std::optional<std::size_t> find(PlatformElement::Kind kind, const std::string& name) const;

 private:
  std::vector<PlatformElement> elements_;
  std::vector<NetworkLink> links_;
  std::vector<std::pair<std::size_t, std::size_t>> edges_;  // undirected, element indices
  std::vector<std::vector<std::size_t>> zones_of_host_;     // by element index of a host
  bool declared_ = false;
};

}  // namespace recordflow
