#include "topology/Topology.hpp"

#include <map>
#include <set>
#include <tuple>

#include "scenario/Routing.hpp"
#include "topology/ChannelWalk.hpp"
#include "topology/DesignFlows.hpp"

namespace recordflow {
namespace {

using LinkKey = std::tuple<TopologyLink::Kind, std::string, std::string>;

class LinkSet {
 public:
  void add(TopologyLink::Kind kind, const std::string& from, const std::string& to,
           const std::string& channel = "") {
    // A uses link joins an organisation to a system, which may carry the same name.
    if (from.empty() || to.empty() || (from == to && kind != TopologyLink::Kind::uses)) return;
    auto& channels = links_[LinkKey{kind, from, to}];
    if (!channel.empty()) channels.insert(channel);
  }

  std::vector<TopologyLink> sorted() const {
    std::vector<TopologyLink> links;
    links.reserve(links_.size());
    for (const auto& [key, channels] : links_) {
      const auto& [kind, from, to] = key;
      links.push_back(TopologyLink{kind, from, to, {channels.begin(), channels.end()}});
    }
    return links;
  }

 private:
  std::map<LinkKey, std::set<std::string>> links_;
};

// Walks depend only on the channel and the two record systems: many organisation pairs share one.
class WalkCache {
 public:
  explicit WalkCache(const Scenario& scenario) : scenario_(scenario) {}

  const ChannelWalk* get(const std::string& channel, const std::string& source_system,
                         const std::string& destination_system) {
    const auto found = scenario_.channels.find(channel);
    if (found == scenario_.channels.end()) return nullptr;
    auto key = std::make_tuple(channel, source_system, destination_system);
    auto it = walks_.find(key);
    if (it == walks_.end()) {
      it = walks_.emplace(std::move(key), walk_channel(found->second, source_system, destination_system))
               .first;
    }
    return &it->second;
  }

 private:
  const Scenario& scenario_;
  std::map<std::tuple<std::string, std::string, std::string>, ChannelWalk> walks_;
};

void add_walk(LinkSet& links, const ChannelWalk& walk, const std::string& channel, const Organisation& source,
              const Organisation& destination) {
  for (const auto& [from, to] : walk.electronic) links.add(TopologyLink::Kind::electronic, from, to, channel);
  if (walk.manual_crossings > 0) {
    links.add(TopologyLink::Kind::manual, source.name, destination.name, channel);
  }
  for (const auto& system : walk.source_uses)
    links.add(TopologyLink::Kind::uses, source.name, system, channel);
  for (const auto& system : walk.destination_uses) {
    links.add(TopologyLink::Kind::uses, destination.name, system, channel);
  }
}

}  // namespace

Topology Topology::build(const Scenario& scenario) {
  return build(scenario, scenario.current_design());
}

Topology Topology::build(const Scenario& scenario, const Design& design) {
  Topology topology;
  for (const auto& [name, system] : scenario.systems) {
    topology.nodes_.push_back(TopologyNode{TopologyNode::Kind::system, name, system.kind});
  }
  for (const auto& org : scenario.organisations) {
    topology.nodes_.push_back(TopologyNode{TopologyNode::Kind::organisation, org.name, to_string(org.type)});
  }

  LinkSet links;
  for (const auto& org : scenario.organisations) links.add(TopologyLink::Kind::uses, org.name, org.system);
  WalkCache walks(scenario);
  for (const auto& flow : created_flows(scenario)) {
    for (const auto& pair : organisation_pairs(scenario, flow.from, flow.to)) {
      const FlowRule* rule = route(design, flow.document, *pair.source, *pair.destination);
      if (rule == nullptr) continue;
      for (const auto& share : rule->mix) {
        if (share.share <= 0) continue;
        const ChannelWalk* walk = walks.get(share.channel, pair.source->system, pair.destination->system);
        if (walk != nullptr) add_walk(links, *walk, share.channel, *pair.source, *pair.destination);
      }
    }
  }
  topology.links_ = links.sorted();
  return topology;
}

std::vector<std::string> Topology::systems() const {
  std::vector<std::string> names;
  for (const auto& node : nodes_) {
    if (node.kind == TopologyNode::Kind::system) names.push_back(node.name);
  }
  return names;  // nodes_ holds systems first, in the scenario's (sorted) map order
}

std::vector<std::pair<std::string, std::string>> Topology::system_links() const {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& link : links_) {
    if (link.kind == TopologyLink::Kind::electronic) pairs.emplace_back(link.from, link.to);
  }
  return pairs;  // links_ is sorted by (kind, from, to)
}

}  // namespace recordflow
