#include "topology/InfrastructureGraph.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "scenario/Infrastructure.hpp"

namespace recordflow {
namespace {

constexpr double kSecondsPerHour = 3600.0;
// The default platform's link per electronic hop (an assumption: a site's wide-area connection).
constexpr double kDefaultLatencySeconds = 0.005;
constexpr double kDefaultBytesPerSecond = 125e6;  // 1 Gbit/s

using RoutingGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                           boost::property<boost::edge_weight_t, double>>;
using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// In the routing graph a host is two vertices: 2i sends (edges out only), 2i + 1 receives (edges in only),
// so that no route passes through a system. Zones and links use vertex 2i.
std::size_t sends(std::size_t element) {
  return 2 * element;
}
std::size_t receives(std::size_t element, PlatformElement::Kind kind) {
  return kind == PlatformElement::Kind::host ? 2 * element + 1 : 2 * element;
}

}  // namespace

const char* to_string(PlatformElement::Kind kind) {
  switch (kind) {
    case PlatformElement::Kind::zone:
      return "zone";
    case PlatformElement::Kind::link:
      return "link";
    case PlatformElement::Kind::host:
      return "host";
  }
  return "host";
}

InfrastructureGraph InfrastructureGraph::build(const Scenario& scenario,
                                               const std::vector<std::pair<std::string, std::string>>& hops) {
  InfrastructureGraph g;
  const Infrastructure& infrastructure = scenario.infrastructure;
  g.declared_ = infrastructure.declared();
  if (g.declared_) {
    for (const auto& [name, link] : infrastructure.links) g.links_.push_back(link);
  } else {
    std::set<std::pair<std::string, std::string>> linked;
    for (const auto& [a, b] : hops) {
      if (a == b || !linked.insert(std::minmax(a, b)).second) continue;
      g.links_.push_back(NetworkLink{
          a + "--" + b, "default", kDefaultLatencySeconds / kSecondsPerHour, kDefaultBytesPerSecond, {a, b}});
    }
    std::sort(g.links_.begin(), g.links_.end(),
              [](const NetworkLink& x, const NetworkLink& y) { return x.name < y.name; });
  }
  for (const auto& [name, zone] : infrastructure.zones)
    g.elements_.push_back({PlatformElement::Kind::zone, name});
  for (const auto& link : g.links_) g.elements_.push_back({PlatformElement::Kind::link, link.name});
  for (const auto& [name, system] : scenario.systems)
    g.elements_.push_back({PlatformElement::Kind::host, name});

  g.zones_of_host_.resize(g.elements_.size());
  for (const auto& [name, zone] : infrastructure.zones) {
    const std::size_t z = *g.find(PlatformElement::Kind::zone, name);
    if (const auto parent = g.find(PlatformElement::Kind::zone, zone.parent))
      g.edges_.emplace_back(z, *parent);
    for (const auto& system : zone.systems) {
      if (const auto host = g.find(PlatformElement::Kind::host, system)) g.edges_.emplace_back(*host, z);
    }
  }
  for (const auto& link : g.links_) {
    const std::size_t l = *g.find(PlatformElement::Kind::link, link.name);
    for (const auto& end : link.connects) {
      auto at = g.find(PlatformElement::Kind::zone, end);
      if (!at) at = g.find(PlatformElement::Kind::host, end);
      if (at) g.edges_.emplace_back(l, *at);
    }
  }
  for (std::size_t i = 0; i < g.elements_.size(); ++i) {
    if (g.elements_[i].kind != PlatformElement::Kind::host) continue;
    for (const auto& zone : zones_holding(infrastructure, g.elements_[i].name))
      g.zones_of_host_[i].push_back(*g.find(PlatformElement::Kind::zone, zone));
  }
  return g;
}

std::optional<std::size_t> InfrastructureGraph::find(PlatformElement::Kind kind,
                                                     const std::string& name) const {
  // Elements are grouped by kind and sorted by name within a kind.
  const auto first =
      std::lower_bound(elements_.begin(), elements_.end(), std::make_pair(kind, name),
                       [](const PlatformElement& e, const std::pair<PlatformElement::Kind, std::string>& k) {
                         return std::tie(e.kind, e.name) < std::tie(k.first, k.second);
                       });
  if (first == elements_.end() || first->kind != kind || first->name != name) return std::nullopt;
  return static_cast<std::size_t>(first - elements_.begin());
}

std::optional<PlatformRoute> InfrastructureGraph::route(const std::string& from,
                                                        const std::string& to) const {
  const auto source = find(PlatformElement::Kind::host, from);
  const auto target = find(PlatformElement::Kind::host, to);
  if (!source || !target) return std::nullopt;
  if (*source == *target) return PlatformRoute{};
  RoutingGraph graph(2 * elements_.size());
  const auto zones = static_cast<std::size_t>(
      std::count_if(elements_.begin(), elements_.end(),
                    [](const PlatformElement& e) { return e.kind == PlatformElement::Kind::zone; }));
  auto latency_of = [this, zones](std::size_t element) {
    return elements_[element].kind == PlatformElement::Kind::link ? links_[element - zones].latency : 0.0;
  };
  for (const auto& [a, b] : edges_) {
    // Entering a link costs its latency; entering a zone or a host costs nothing.
    boost::add_edge(sends(a), receives(b, elements_[b].kind), latency_of(b), graph);
    boost::add_edge(sends(b), receives(a, elements_[a].kind), latency_of(a), graph);
  }
  std::vector<std::size_t> predecessor(boost::num_vertices(graph));
  std::vector<double> distance(boost::num_vertices(graph));
  boost::dijkstra_shortest_paths(graph, sends(*source),
                                 boost::predecessor_map(predecessor.data()).distance_map(distance.data()));
  const std::size_t goal = receives(*target, PlatformElement::Kind::host);
  if (distance[goal] == std::numeric_limits<double>::max()) return std::nullopt;
  PlatformRoute result;
  result.latency = distance[goal];
  for (std::size_t v = goal; v != sends(*source); v = predecessor[v]) {
    if (predecessor[v] == v) return std::nullopt;
    const std::size_t element = v / 2;
    if (elements_[element].kind == PlatformElement::Kind::link)
      result.links.push_back(elements_[element].name);
  }
  std::reverse(result.links.begin(), result.links.end());
  return result;
}

std::vector<std::size_t> InfrastructureGraph::articulation_points() const {
  UndirectedGraph graph(elements_.size());
  for (const auto& [a, b] : edges_) boost::add_edge(a, b, graph);
  std::vector<std::size_t> points;
  boost::articulation_points(graph, std::back_inserter(points));
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  return points;
}

std::vector<std::size_t> InfrastructureGraph::needed_by_system(const std::string& system) const {
  std::vector<std::size_t> needed;
  if (const auto host = find(PlatformElement::Kind::host, system)) {
    needed.push_back(*host);
    needed.insert(needed.end(), zones_of_host_[*host].begin(), zones_of_host_[*host].end());
  }
  std::sort(needed.begin(), needed.end());
  return needed;
}

std::vector<std::size_t> InfrastructureGraph::needed_by_hop(const std::string& from,
                                                            const std::string& to) const {
  std::set<std::size_t> needed;
  for (const auto& system : {from, to}) {
    for (const auto element : needed_by_system(system)) needed.insert(element);
  }
  if (const auto path = route(from, to)) {
    for (const auto& link : path->links) needed.insert(*find(PlatformElement::Kind::link, link));
  }
  return {needed.begin(), needed.end()};
}

}  // namespace recordflow
