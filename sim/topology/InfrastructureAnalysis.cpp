#include "topology/InfrastructureAnalysis.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "scenario/Routing.hpp"
#include "topology/ChannelWalk.hpp"

namespace recordflow {
namespace {

using Needed = std::set<std::size_t>;  // element indices

// The elements one electronic walk needs; walks depend only on (channel, source system, destination system).
class NeededCache {
 public:
  NeededCache(const Scenario& scenario, const InfrastructureGraph& graph)
      : scenario_(scenario), graph_(graph) {}

  const Needed& get(const std::string& channel, const std::string& source, const std::string& destination) {
    auto key = std::make_tuple(channel, source, destination);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    const ChannelWalk walk = walk_channel(scenario_.channels.at(channel), source, destination);
    Needed needed;
    for (const auto& system : walk.systems) {
      for (const auto element : graph_.needed_by_system(system)) needed.insert(element);
    }
    for (const auto& [from, to] : walk.electronic) {
      for (const auto element : graph_.needed_by_hop(from, to)) needed.insert(element);
    }
    return cache_.emplace(std::move(key), std::move(needed)).first->second;
  }

 private:
  const Scenario& scenario_;
  const InfrastructureGraph& graph_;
  std::map<std::tuple<std::string, std::string, std::string>, Needed> cache_;
};

bool electronic(const Scenario& scenario, const std::string& channel, const std::string& source,
                const std::string& destination) {
  const Channel& c = scenario.channels.at(channel);
  return c.electronic() && walk_channel(c, source, destination).manual_crossings == 0;
}

}  // namespace

std::vector<InfrastructureDependency> analyse_infrastructure(const Scenario& scenario, const Design& design,
                                                             const InfrastructureGraph& graph) {
  NeededCache cache(scenario, graph);
  std::map<FlowChannel, std::optional<Needed>> on_every;  // elements every pair of the flow's channel needs
  for (const auto& key : created_flows(scenario)) {
    for (const auto& pair : organisation_pairs(scenario, key.from, key.to)) {
      const FlowRule* rule = route(design, key.document, *pair.source, *pair.destination);
      if (rule == nullptr) continue;
      for (const auto& share : rule->mix) {
        if (share.share <= 0 || !scenario.channels.contains(share.channel)) continue;
        const std::string& source = pair.source->system;
        const std::string& destination = pair.destination->system;
        if (!electronic(scenario, share.channel, source, destination)) continue;
        const Needed& needed = cache.get(share.channel, source, destination);
        auto& every = on_every[FlowChannel{key, share.channel}];
        if (!every) {
          every = needed;
        } else {
          std::erase_if(*every, [&needed](std::size_t element) { return !needed.contains(element); });
        }
      }
    }
  }
  std::vector<InfrastructureDependency> dependencies(graph.elements().size());
  for (std::size_t i = 0; i < dependencies.size(); ++i) dependencies[i].element = graph.elements()[i];
  for (const auto point : graph.articulation_points()) dependencies[point].articulation_point = true;
  for (const auto& [flow, every] : on_every) {
    if (!every) continue;
    for (const auto element : *every) dependencies[element].flows.push_back(flow);
  }
  std::erase_if(dependencies,
                [](const InfrastructureDependency& d) { return !d.articulation_point && d.flows.empty(); });
  return dependencies;  // elements() order: zones, links, hosts, each sorted; flows in map order
}

nlohmann::json infrastructure_to_json(const std::vector<InfrastructureDependency>& dependencies) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : dependencies) {
    nlohmann::json flows = nlohmann::json::array();
    for (const auto& f : d.flows) {
      nlohmann::json flow = nlohmann::json::object();
      flow["document"] = f.flow.document;
      flow["from"] = to_string(f.flow.from);
      flow["to"] = to_string(f.flow.to);
      flow["channel"] = f.channel;
      flows.push_back(std::move(flow));
    }
    nlohmann::json entry = nlohmann::json::object();
    entry["element"] = d.element.name;
    entry["kind"] = to_string(d.element.kind);
    entry["articulation_point"] = d.articulation_point;
    entry["flows"] = std::move(flows);
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace recordflow
