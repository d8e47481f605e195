// Topology: the organisations, systems and links of one design of a scenario, as a Boost.Graph graph.
// Vertices are organisations (concrete instances) and systems; edges are "uses" (an organisation and its
// record system), "electronic" (a hop between systems that some channel of the design makes, e.g.
// source EPR -> integration engine -> hub) and "manual" (a paper, fax, post or courier transit between
// organisations). Built without SimGrid: the engine builds its platform from systems() and system_links().
// Links come from the flows the pathways create, routed by the design (see DesignFlows.hpp) and walked
// step by step (see ChannelWalk.hpp); "uses" also joins an organisation to a system it reads from or
// stores in through a channel (a hub it is published into, a shared store). Nodes: systems (sorted), then
// organisations (declaration order); links sorted by (kind, from, to), each once; no self-links.
// The Boost.Graph view for algorithms is TopologyGraph.hpp.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "scenario/Scenario.hpp"

namespace recordflow {

struct TopologyNode {
  enum class Kind { organisation, system };
  Kind kind = Kind::system;
  std::string name;
  std::string detail;  // organisation type or system kind
};

struct TopologyLink {
  enum class Kind { uses, electronic, manual };
  Kind kind = Kind::uses;
  std::string from;  // node names: uses = organisation -> system, electronic = system -> system,
  std::string to;    // manual = organisation -> organisation
  std::vector<std::string> channels;  // channels of the design that use this link
};

class Topology {
 public:
  static Topology build(const Scenario& scenario);  // for scenario.design
  // For any design of the scenario (its rules only: the design's `set` overrides are not applied here).
  static Topology build(const Scenario& scenario, const Design& design);

  const std::vector<TopologyNode>& nodes() const { return nodes_; }
  const std::vector<TopologyLink>& links() const { return links_; }
  // Systems of the scenario (names, sorted) and the electronic links between them used by the design.
  std::vector<std::string> systems() const;
  std::vector<std::pair<std::string, std::string>> system_links() const;

 private:
  std::vector<TopologyNode> nodes_;
  std::vector<TopologyLink> links_;
};

}  // namespace recordflow
