// DotVolumes: the measured volumes `recordflow graph --results` adds to the DOT drawing. A route is one
// {source, destination, channel} with its copies per year (measured copies created after the warm-up,
// mean over replications, scaled to 365 days); source and destination are organisation groups as the
// recorder counts them (`copies_by_route`): an organisation template ("gp_practice"), or the name of an
// organisation declared on its own. Drawn, routes become bold green "volume" edges between the drawn
// organisation nodes, one per channel, labelled "<channel>\n<copies>/yr (<share>)" where share is the
// edge's part of all copies leaving its source node; the edge's `comment` carries both numbers at full
// precision (`copies_per_year=...;share=...`) for programs. Volume edges do not constrain the layout.
// A topology link is carried when the channel walk (ChannelWalk.hpp) of a route with copies uses it for
// some pair of record systems of the two groups' organisations (instances of a template may differ in
// system); links no route carried are drawn faint. Deterministic: routes are aggregated in sorted maps.
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

// A DOT string literal of `text`: quotes and backslashes escaped, line breaks as spaces.
std::string dot_quoted(const std::string& text);

struct RouteVolume {
  std::string from;  // organisation groups (template, else organisation name): copies_by_route source
  std::string to;    // ... and destination
  std::string channel;
  double copies_per_year = 0;
};

// The group an organisation is counted under: its template name, else its own name.
const std::string& organisation_group(const Organisation& organisation);

// (kind, from, to) of a topology link; organisations as drawn, systems by name.
using LinkKey = std::tuple<TopologyLink::Kind, std::string, std::string>;

// The topology links the routes with copies use; `drawn` maps a group to its drawn node. Routes naming
// an unknown group or channel carry nothing.
std::set<LinkKey> carried_links(const Scenario& scenario, const std::vector<RouteVolume>& routes,
                                const std::function<std::string(const std::string&)>& drawn);

// One volume edge per (drawn source, drawn destination, channel) with copies.
void write_volume_edges(std::ostream& out, const std::vector<RouteVolume>& routes,
                        const std::function<std::string(const std::string&)>& drawn);

}  // namespace recordflow
