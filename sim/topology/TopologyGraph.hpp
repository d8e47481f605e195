// TopologyGraph: a Boost.Graph view of a Topology for graph algorithms. Undirected (failure analysis
// asks what stays connected, not which way documents go); vertex i is topology.nodes()[i] and each edge
// carries the index of its link in topology.links(). Only links of the kinds asked for become edges.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

#include "topology/Topology.hpp"

namespace recordflow {

using TopologyGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                            std::size_t,   // index into Topology::nodes()
                                            std::size_t>;  // index into Topology::links()

TopologyGraph to_graph(const Topology& topology, std::initializer_list<TopologyLink::Kind> kinds);

// Names of the system nodes that are articulation points (cut vertices) of the graph, sorted: removing
// one splits the graph into more connected components.
std::vector<std::string> cut_systems(const Topology& topology, const TopologyGraph& graph);

}  // namespace recordflow
