// InfrastructureAnalysis: which infrastructure elements (zones, links, hosts) are single points of failure
// for which flows of a design. An element is a single point of failure for a flow's channel when every
// electronic delivery of that channel, over every organisation pair the flow joins, needs it: a host of a
// system on the channel's walk, a zone holding such a host (its failure takes the host down), or a link
// on the route of one of the walk's hops. Articulation points of the platform graph (removing one splits
// it) are listed too, with the flows that depend on them (possibly none). Sorted by element kind (zone,
// link, host) and name; each element's flows by (document, source type, destination type, channel).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenario/Scenario.hpp"
#include "topology/DesignFlows.hpp"
#include "topology/InfrastructureGraph.hpp"

namespace recordflow {

struct FlowChannel {
  FlowKey flow;
  std::string channel;
  auto operator<=>(const FlowChannel&) const = default;
};

struct InfrastructureDependency {
  PlatformElement element;
  bool articulation_point = false;
  std::vector<FlowChannel> flows;  // flows whose channel cannot do without the element
};

std::vector<InfrastructureDependency> analyse_infrastructure(const Scenario& scenario, const Design& design,
                                                             const InfrastructureGraph& graph);

// [{"element", "kind", "articulation_point", "flows": [{"document", "from", "to", "channel"}]}]
nlohmann::json infrastructure_to_json(const std::vector<InfrastructureDependency>& dependencies);

}  // namespace recordflow
