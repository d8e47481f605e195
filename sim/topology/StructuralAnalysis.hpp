// StructuralAnalysis: what the topology of one design says without simulating. For each flow the
// pathways create (document x source type x destination type): the channels of its mix with their shares
// (averaged over the organisation pairs the flow can join, weighted as patients are), whether each is
// electronic, its hops (most over the pairs: electronic system hops + manual crossings), the systems it
// needs, the flow's electronic share, and its single points of failure (systems on every electronic
// channel for every pair: their failure cuts the flow's electronic delivery). For the whole design: the
// systems that are cut vertices of its electronic graph (uses + electronic links); with a declared
// infrastructure, the zones, links and hosts that are single points of failure. Deterministic.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenario/Scenario.hpp"
#include "topology/DesignFlows.hpp"
#include "topology/InfrastructureAnalysis.hpp"

namespace recordflow {

struct ChannelStructure {
  std::string channel;
  double share = 0;  // of the flow's documents, in [0, 1]
  bool electronic = false;
  int hops = 0;
  std::vector<std::string> systems;  // in order of first use over the pairs
};

struct FlowStructure {
  FlowKey flow;
  std::vector<ChannelStructure> channels;  // in the order of the design's mix
  double electronic_share = 0;
  double unrouted_share = 0;                          // pairs no rule of the design routes
  std::vector<std::string> single_points_of_failure;  // sorted
  bool has_electronic_path() const { return electronic_share > 0; }
};

struct DesignStructure {
  std::string design;
  std::vector<FlowStructure> flows;  // sorted by flow
  std::vector<FlowKey> no_electronic_path;
  std::vector<std::string> cut_systems;  // sorted
  std::vector<std::string> systems;      // systems the design uses (linked to anything), sorted
  int organisations = 0;
  // Only when the scenario declares an infrastructure: its single points of failure and articulation
  // points with the flows that depend on each (see InfrastructureAnalysis.hpp).
  bool infrastructure_declared = false;
  std::vector<InfrastructureDependency> infrastructure;
};

DesignStructure analyse_structure(const Scenario& scenario);  // scenario.design
DesignStructure analyse_structure(const Scenario& scenario, const Design& design);

// {"flows": [...], "no_electronic_path": [...], "cut_systems": [...], "systems": [...], "organisations": n}
// plus "infrastructure_single_points_of_failure": [...] when the scenario declares an infrastructure.
nlohmann::json structure_to_json(const DesignStructure& structure);
// {design: structure_to_json(design), ...}: the results document's "structure" member.
nlohmann::json structure_to_json(const std::vector<DesignStructure>& designs);

}  // namespace recordflow
