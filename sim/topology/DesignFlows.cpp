#include "topology/DesignFlows.hpp"

#include <set>

namespace recordflow {
namespace {

std::vector<const Organisation*> serving(const Scenario& scenario, OrgType type, double& total) {
  std::vector<const Organisation*> orgs;
  total = 0;
  for (const auto& org : scenario.organisations) {
    if (org.type == type && org.weight > 0) {
      orgs.push_back(&org);
      total += org.weight;
    }
  }
  return orgs;
}

}  // namespace

std::vector<FlowKey> created_flows(const Scenario& scenario) {
  std::set<FlowKey> flows;
  for (const auto& pathway : scenario.pathways) {
    for (const auto& state : pathway.states) {
      if (state.terminal) continue;
      for (const auto& creation : state.creates) {
        for (const OrgType to : creation.to) flows.insert(FlowKey{creation.document, state.at, to});
      }
    }
  }
  return {flows.begin(), flows.end()};
}

std::vector<OrgPair> organisation_pairs(const Scenario& scenario, OrgType from, OrgType to) {
  double from_total = 0;
  double to_total = 0;
  const auto sources = serving(scenario, from, from_total);
  const auto destinations = serving(scenario, to, to_total);
  std::vector<OrgPair> pairs;
  if (from == to) {
    for (const auto* org : sources) pairs.push_back({org, org, org->weight / from_total});
    return pairs;
  }
  pairs.reserve(sources.size() * destinations.size());
  for (const auto* source : sources) {
    for (const auto* destination : destinations) {
      pairs.push_back({source, destination, source->weight / from_total * destination->weight / to_total});
    }
  }
  return pairs;
}

std::string describe(const FlowKey& flow) {
  return flow.document + " " + to_string(flow.from) + "->" + to_string(flow.to);
}

}  // namespace recordflow
