#include "topology/TopologyGraph.hpp"

#include <algorithm>
#include <boost/graph/biconnected_components.hpp>
#include <iterator>
#include <unordered_map>

namespace recordflow {

TopologyGraph to_graph(const Topology& topology, std::initializer_list<TopologyLink::Kind> kinds) {
  const auto& nodes = topology.nodes();
  TopologyGraph graph(nodes.size());
  // An organisation and a system may share a name: a link's kind says which one each end is.
  std::unordered_map<std::string, std::size_t> organisations;
  std::unordered_map<std::string, std::size_t> systems;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    graph[i] = i;
    (nodes[i].kind == TopologyNode::Kind::system ? systems : organisations).emplace(nodes[i].name, i);
  }
  const auto& links = topology.links();
  for (std::size_t i = 0; i < links.size(); ++i) {
    const TopologyLink& link = links[i];
    if (std::find(kinds.begin(), kinds.end(), link.kind) == kinds.end()) continue;
    const auto& from_names = link.kind == TopologyLink::Kind::electronic ? systems : organisations;
    const auto& to_names = link.kind == TopologyLink::Kind::manual ? organisations : systems;
    const auto from = from_names.find(link.from);
    const auto to = to_names.find(link.to);
    if (from == from_names.end() || to == to_names.end()) continue;  // a name the scenario does not declare
    boost::add_edge(from->second, to->second, i, graph);
  }
  return graph;
}

std::vector<std::string> cut_systems(const Topology& topology, const TopologyGraph& graph) {
  std::vector<TopologyGraph::vertex_descriptor> points;
  boost::articulation_points(graph, std::back_inserter(points));
  std::vector<std::string> names;
  for (const auto vertex : points) {
    const auto& node = topology.nodes()[graph[vertex]];
    if (node.kind == TopologyNode::Kind::system) names.push_back(node.name);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace recordflow
