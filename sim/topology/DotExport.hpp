// DotExport: a Graphviz DOT drawing of one design's topology that renders as-is (`dot -Tsvg`).
// Organisations are filled boxes coloured by type, systems grey cylinders (only those the design uses);
// "uses" links are dotted and undirected, electronic links solid, manual links dashed and red, each labelled
// with the channels that make it. Instances of an organisation template are drawn as one node ("gp_practice
// ×180") unless `all_instances` is set. A legend cluster shows each organisation type drawn, a system and
// the three link styles. The structural analysis opens the file as `//` comment lines.
// With a declared infrastructure, zones are nested clusters holding their systems (with a folder-shaped
// anchor "zone:<name>"), network links hexagons "link:<name>" joined to what they connect and labelled
// with latency and bandwidth, and single points of failure and cut points are red and bold with the
// number of flows that depend on them.
// With `volumes` (measured copies per route, DotVolumes.hpp), volume edges join the organisations, links
// no measured copy used are faint, and the legend says what the numbers are; routes are counted per
// organisation template, so volumes are not drawn with `all_instances`.
// Deterministic: the same inputs give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "scenario/Scenario.hpp"
#include "topology/DotVolumes.hpp"
#include "topology/StructuralAnalysis.hpp"
#include "topology/Topology.hpp"

namespace recordflow {

struct DotOptions {
  bool all_instances = false;  // one node per organisation instance instead of one per template
  const std::vector<RouteVolume>* volumes = nullptr;  // measured volumes to draw; null: topology only
};

// `topology` and `structure` must be of the same design of `scenario`.
std::string to_dot(const Scenario& scenario, const Topology& topology, const DesignStructure& structure,
                   const DotOptions& options = {});

}  // namespace recordflow
