#include "topology/TopologyGraph.hpp"

#include <algorithm>
#include <boost/graph/biconnected_components.hpp>
#include <iterator>
#include <unordered_map>

namespace recordflow {

TopologyGraph to_graph(const Topology& topology, std::initializer_list<TopologyLink::Kind> kinds) {
  const auto& nodes = topology.nodes();
  TopologyGraph graph(nodes.size());
  std::unordered_map<std::string, std::size_t> index;
  index.reserve(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    graph[i] = i;
    index.emplace(nodes[i].name, i);
  }
  const auto& links = topology.links();
  for (std::size_t i = 0; i < links.size(); ++i) {
    if (std::find(kinds.begin(), kinds.end(), links[i].kind) == kinds.end()) continue;
    const auto from = index.find(links[i].from);
    const auto to = index.find(links[i].to);
    if (from == index.end() || to == index.end()) continue;  // a system the scenario does not declare
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
