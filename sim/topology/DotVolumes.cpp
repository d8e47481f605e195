#include "topology/DotVolumes.hpp"

#include <cstdio>
#include <map>

#include "topology/ChannelWalk.hpp"

namespace recordflow {

std::string dot_quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out + "\"";
}

namespace {

std::string formatted(const char* format, double value) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::string per_year(double value) {
  return value >= 100 ? formatted("%.0f", value) : formatted("%.3g", value);
}

// The record systems of the organisations of `group`, each once, sorted.
std::set<std::string> group_systems(const Scenario& scenario, const std::string& group) {
  std::set<std::string> systems;
  for (const auto& org : scenario.organisations) {
    if (organisation_group(org) == group) systems.insert(org.system);
  }
  return systems;
}

}  // namespace

const std::string& organisation_group(const Organisation& organisation) {
  return organisation.template_name.empty() ? organisation.name : organisation.template_name;
}

std::set<LinkKey> carried_links(const Scenario& scenario, const std::vector<RouteVolume>& routes,
                                const std::function<std::string(const std::string&)>& drawn) {
  std::set<LinkKey> carried;
  for (const auto& route : routes) {
    if (!(route.copies_per_year > 0)) continue;
    const auto channel = scenario.channels.find(route.channel);
    if (channel == scenario.channels.end()) continue;
    const std::string from = drawn(route.from), to = drawn(route.to);
    for (const auto& source_system : group_systems(scenario, route.from)) {
      for (const auto& destination_system : group_systems(scenario, route.to)) {
        const ChannelWalk walk = walk_channel(channel->second, source_system, destination_system);
        carried.emplace(TopologyLink::Kind::uses, from, source_system);
        carried.emplace(TopologyLink::Kind::uses, to, destination_system);
        for (const auto& system : walk.source_uses) carried.emplace(TopologyLink::Kind::uses, from, system);
        for (const auto& system : walk.destination_uses)
          carried.emplace(TopologyLink::Kind::uses, to, system);
        for (const auto& [a, b] : walk.electronic) carried.emplace(TopologyLink::Kind::electronic, a, b);
        if (walk.manual_crossings > 0) carried.emplace(TopologyLink::Kind::manual, from, to);
      }
    }
  }
  return carried;
}

void write_volume_edges(std::ostream& out, const std::vector<RouteVolume>& routes,
                        const std::function<std::string(const std::string&)>& drawn) {
  std::map<std::tuple<std::string, std::string, std::string>, double> edges;
  std::map<std::string, double> leaving;
  for (const auto& route : routes) {
    if (!(route.copies_per_year > 0)) continue;
    const std::string from = drawn(route.from);
    edges[{from, drawn(route.to), route.channel}] += route.copies_per_year;
    leaving[from] += route.copies_per_year;
  }
  for (const auto& [key, volume] : edges) {
    const auto& [from, to, channel] = key;
    const double share = volume / leaving.at(from);
    const std::string label = dot_quoted(channel);
    out << "  " << dot_quoted(from) << " -> " << dot_quoted(to)
        << " [style=bold, color=\"#2e8b57\", fontcolor=\"#2e8b57\", constraint=false, label="
        << label.substr(0, label.size() - 1) << "\\n"
        << per_year(volume) << "/yr (" << formatted(share < 0.1 ? "%.2g" : "%.0f", share * 100)
        << "%)\", comment=\"copies_per_year=" << formatted("%.17g", volume)
        << ";share=" << formatted("%.17g", share) << "\"];\n";
  }
}

}  // namespace recordflow
