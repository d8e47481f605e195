#include "topology/StructuralAnalysis.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "scenario/Routing.hpp"
#include "topology/ChannelWalk.hpp"
#include "topology/Topology.hpp"
#include "topology/TopologyGraph.hpp"

namespace recordflow {
namespace {

// Electronic: no paper, no re-keying (Channel::electronic) and no post, courier or fax transit either.
ChannelStructure& channel_entry(FlowStructure& flow, const std::string& name, const Channel& channel,
                                const ChannelWalk& walk) {
  for (auto& entry : flow.channels) {
    if (entry.channel == name) return entry;
  }
  const bool electronic = channel.electronic() && walk.manual_crossings == 0;
  flow.channels.push_back(ChannelStructure{name, 0, electronic, 0, {}});
  return flow.channels.back();
}

void append_new(std::vector<std::string>& list, const std::vector<std::string>& more) {
  for (const auto& item : more) {
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
  }
}

FlowStructure analyse_flow(const Scenario& scenario, const Design& design, const FlowKey& key) {
  FlowStructure flow;
  flow.flow = key;
  std::optional<std::set<std::string>> on_every;  // systems on every electronic walk so far
  double routed = 0;
  for (const auto& pair : organisation_pairs(scenario, key.from, key.to)) {
    const FlowRule* rule = route(design, key.document, *pair.source, *pair.destination);
    if (rule == nullptr) continue;
    routed += pair.weight;
    for (const auto& share : rule->mix) {
      const auto found = scenario.channels.find(share.channel);
      if (share.share <= 0 || found == scenario.channels.end()) continue;
      const ChannelWalk walk = walk_channel(found->second, pair.source->system, pair.destination->system);
      ChannelStructure& entry = channel_entry(flow, share.channel, found->second, walk);
      entry.share += share.share * pair.weight;
      entry.hops = std::max(entry.hops, walk.hops());
      append_new(entry.systems, walk.systems);
      if (!entry.electronic) continue;
      const std::set<std::string> needed(walk.systems.begin(), walk.systems.end());
      if (!on_every) {
        on_every = needed;
      } else {
        std::erase_if(*on_every, [&needed](const std::string& system) { return !needed.contains(system); });
      }
    }
  }
  for (const auto& entry : flow.channels) {
    if (entry.electronic) flow.electronic_share += entry.share;
  }
  flow.unrouted_share = std::max(0.0, 1.0 - routed);
  if (on_every) flow.single_points_of_failure.assign(on_every->begin(), on_every->end());
  return flow;
}

std::vector<std::string> used_systems(const Topology& topology) {
  std::set<std::string> systems;
  std::set<std::string> declared;
  for (const auto& node : topology.nodes()) {
    if (node.kind == TopologyNode::Kind::system) declared.insert(node.name);
  }
  for (const auto& link : topology.links()) {
    if (declared.contains(link.from)) systems.insert(link.from);
    if (declared.contains(link.to)) systems.insert(link.to);
  }
  return {systems.begin(), systems.end()};
}

// Shares are sums of products of weights: drop the last bits of rounding noise so 0.7 prints as 0.7.
double tidy(double share) {
  return std::round(share * 1e9) / 1e9;
}

nlohmann::json flow_key_json(const FlowKey& flow) {
  nlohmann::json json = nlohmann::json::object();
  json["document"] = flow.document;
  json["from"] = to_string(flow.from);
  json["to"] = to_string(flow.to);
  return json;
}

}  // namespace

DesignStructure analyse_structure(const Scenario& scenario) {
  return analyse_structure(scenario, scenario.current_design());
}

DesignStructure analyse_structure(const Scenario& scenario, const Design& design) {
  DesignStructure structure;
  structure.design = design.name;
  for (const auto& key : created_flows(scenario)) {
    structure.flows.push_back(analyse_flow(scenario, design, key));
    if (!structure.flows.back().has_electronic_path()) structure.no_electronic_path.push_back(key);
  }
  const Topology topology = Topology::build(scenario, design);
  const TopologyGraph graph = to_graph(topology, {TopologyLink::Kind::uses, TopologyLink::Kind::electronic});
  structure.cut_systems = cut_systems(topology, graph);
  structure.systems = used_systems(topology);
  structure.organisations = static_cast<int>(scenario.organisations.size());
  structure.infrastructure_declared = scenario.infrastructure.declared();
  if (structure.infrastructure_declared) {
    const auto platform = InfrastructureGraph::build(scenario, topology.system_links());
    structure.infrastructure = analyse_infrastructure(scenario, design, platform);
  }
  return structure;
}

nlohmann::json structure_to_json(const DesignStructure& structure) {
  nlohmann::json flows = nlohmann::json::array();
  for (const auto& flow : structure.flows) {
    nlohmann::json channels = nlohmann::json::array();
    for (const auto& channel : flow.channels) {
      nlohmann::json entry = nlohmann::json::object();
      entry["channel"] = channel.channel;
      entry["share"] = tidy(channel.share);
      entry["electronic"] = channel.electronic;
      entry["hops"] = channel.hops;
      entry["systems"] = channel.systems;
      channels.push_back(std::move(entry));
    }
    nlohmann::json entry = flow_key_json(flow.flow);
    entry["channels"] = std::move(channels);
    entry["electronic_share"] = tidy(flow.electronic_share);
    entry["unrouted_share"] = tidy(flow.unrouted_share);
    entry["single_points_of_failure"] = flow.single_points_of_failure;
    flows.push_back(std::move(entry));
  }
  nlohmann::json missing = nlohmann::json::array();
  for (const auto& flow : structure.no_electronic_path) missing.push_back(flow_key_json(flow));
  nlohmann::json json = nlohmann::json::object();
  json["flows"] = std::move(flows);
  json["no_electronic_path"] = std::move(missing);
  json["cut_systems"] = structure.cut_systems;
  json["systems"] = structure.systems;
  json["organisations"] = structure.organisations;
  if (structure.infrastructure_declared)
    json["infrastructure_single_points_of_failure"] = infrastructure_to_json(structure.infrastructure);
  return json;
}

nlohmann::json structure_to_json(const std::vector<DesignStructure>& designs) {
  nlohmann::json all = nlohmann::json::object();
  for (const auto& design : designs) all[design.design] = structure_to_json(design);
  return all;
}

}  // namespace recordflow
