// DotVolumes: the measured volumes `recordflow graph --results` adds to the DOT drawing. A route is one
// {source organisation, destination organisation, channel} with its copies per year (measured copies
// created after the warm-up, mean over replications, scaled to 365 days). Drawn, routes become bold
// green "volume" edges between the drawn organisation nodes (templates merged, so gp_practice#1 and #2
// add up), one per channel, labelled "<channel>\n<copies>/yr (<share>)" where share is the edge's part of
// all copies leaving its drawn source node; the edge's `comment` carries both numbers at full precision
// (`copies_per_year=...;share=...`) for programs. Volume edges do not constrain the layout. The topology
// links a route's channel walks (ChannelWalk.hpp) are the ones it carries; links no measured copy
// carried are drawn faint. Deterministic: routes are aggregated in sorted maps.
#pragma once

#include <functional>
#include <ostream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "scenario/Scenario.hpp"
#include "topology/Topology.hpp"

namespace recordflow {

struct RouteVolume {
  std::string from;  // organisation names (instances): copies_by_route source and destination
  std::string to;
  std::string channel;
  double copies_per_year = 0;
};

// (kind, from, to) of a topology link, organisations and systems by name.
using LinkKey = std::tuple<TopologyLink::Kind, std::string, std::string>;

// The topology links the routes with copies use, organisation names mapped by `drawn` (the node an
// organisation is drawn as). Routes naming an unknown organisation or channel carry nothing.
std::set<LinkKey> carried_links(const Scenario& scenario, const std::vector<RouteVolume>& routes,
                                const std::function<std::string(const std::string&)>& drawn);

// One volume edge per (drawn source, drawn destination, channel) with copies.
void write_volume_edges(std::ostream& out, const std::vector<RouteVolume>& routes,
                        const std::function<std::string(const std::string&)>& drawn);

}  // namespace recordflow
