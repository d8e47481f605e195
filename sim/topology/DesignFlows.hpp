// DesignFlows: the document flows a scenario's pathways create (document type x source organisation type
// x destination organisation type) and the organisation pairs each can occur between. A patient is served
// by one organisation of each type, drawn by weight, so a flow between two types can join any source
// instance to any destination instance (weights > 0), and a flow within one type stays inside one
// organisation. Flows are sorted (document, source type, destination type); pairs follow declaration order.
#pragma once

#include <string>
#include <vector>

#include "scenario/Scenario.hpp"

namespace recordflow {

struct FlowKey {
  std::string document;
  OrgType from = OrgType::acute;
  OrgType to = OrgType::acute;
  auto operator<=>(const FlowKey&) const = default;
};

struct OrgPair {
  const Organisation* source = nullptr;
  const Organisation* destination = nullptr;
  double weight = 0;  // probability of this pair among the flow's pairs (sums to 1 over them)
};

std::vector<FlowKey> created_flows(const Scenario& scenario);

std::vector<OrgPair> organisation_pairs(const Scenario& scenario, OrgType from, OrgType to);

// "discharge_summary acute->primary", for messages and DOT comments.
std::string describe(const FlowKey& flow);

}  // namespace recordflow
