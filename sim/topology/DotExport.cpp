#include "topology/DotExport.hpp"

#include <array>
#include <cstdio>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

namespace recordflow {
namespace {

// A DOT string whose lines are `lines` (DOT's \n escape between them).
std::string quoted_lines(const std::vector<std::string>& lines) {
  std::string out = "\"";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string text = dot_quoted(lines[i]);
    out += (i == 0 ? "" : "\\n") + text.substr(1, text.size() - 2);
  }
  return out + "\"";
}

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", value);
  return buffer;
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

constexpr const char* kFaint = "#d3d3d3";

const char* colour(const std::string& org_type) {
  static const std::map<std::string, const char*> colours{{"acute", "#f4b6b6"},
                                                          {"primary", "#b9e4b0"},
                                                          {"community", "#b7d3f2"},
                                                          {"mental_health", "#d9c2ec"},
                                                          {"social_care", "#f6dd9a"}};
  const auto found = colours.find(org_type);
  return found == colours.end() ? "#ffffff" : found->second;
}

// Infrastructure: zones as nested clusters, links as hexagons, single points of failure red and bold.
std::string figure(double value, const char* unit) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.3g %s", value, unit);
  return buffer;
}

std::string bandwidth(double bytes_per_second) {
  const double bits = bytes_per_second * 8;
  if (bits >= 1e9) return figure(bits / 1e9, "Gbit/s");
  if (bits >= 1e6) return figure(bits / 1e6, "Mbit/s");
  return figure(bits / 1e3, "kbit/s");
}

std::string node_id(PlatformElement::Kind kind, const std::string& name) {
  return kind == PlatformElement::Kind::host ? name : std::string(to_string(kind)) + ":" + name;
}

std::string marking(const InfrastructureDependency& d) {
  std::string text = d.articulation_point ? "cut point" : "";
  if (!d.flows.empty()) {
    text += (text.empty() ? "" : ", ") + std::string("single point of failure for ") +
            std::to_string(d.flows.size()) + (d.flows.size() == 1 ? " flow" : " flows");
  }
  return text;
}

class Writer {
 public:
  Writer(std::ostream& out, const Scenario& scenario, const DesignStructure& structure,
         const std::set<std::string>& used)
      : out_(out), scenario_(scenario), used_(used) {
    for (const auto& d : structure.infrastructure) marked_[node_id(d.element.kind, d.element.name)] = &d;
  }

  void write() {
    for (const auto& [name, zone] : scenario_.infrastructure.zones) {
      if (zone.parent.empty()) write_zone(name, "  ");
    }
    for (const auto& [name, link] : scenario_.infrastructure.links) {
      const std::string id = node_id(PlatformElement::Kind::link, name);
      // Two label lines: DOT's \n escape goes between the separately quoted parts.
      const std::string first = dot_quoted(name);
      const std::string second =
          dot_quoted(figure(link.latency * 3600e3, "ms") + ", " + bandwidth(link.bytes_per_second));
      out_ << "  " << dot_quoted(id) << " [shape=hexagon, label=" << first.substr(0, first.size() - 1)
           << "\\n"
           << second.substr(1) << mark(id) << "];\n";
      for (const auto& end : link.connects) {
        const bool zone = scenario_.infrastructure.zones.contains(end);
        if (!zone && !used_.contains(end)) continue;
        out_ << "  " << dot_quoted(id) << " -> "
             << dot_quoted(zone ? node_id(PlatformElement::Kind::zone, end) : end)
             << " [dir=none, style=bold, color=\"#5a5a5a\"];\n";
      }
    }
    for (const auto& system : used_) {
      const auto found = marked_.find(system);
      if (found != marked_.end())
        out_ << "  " << dot_quoted(system)
             << " [color=\"#d62728\", penwidth=2.5, xlabel=" << dot_quoted(marking(*found->second)) << "];\n";
    }
  }

 private:
  std::string mark(const std::string& id) const {
    const auto found = marked_.find(id);
    if (found == marked_.end()) return "";
    return ", color=\"#d62728\", penwidth=2.5, xlabel=" + dot_quoted(marking(*found->second));
  }

  void write_zone(const std::string& name, const std::string& indent) {
    const Zone& zone = scenario_.infrastructure.zones.at(name);
    const std::string id = node_id(PlatformElement::Kind::zone, name);
    out_ << indent << "subgraph " << dot_quoted("cluster_" + id) << " {\n"
         << indent << "  label=" << dot_quoted(name + " (" + zone.kind + ")") << ";\n";
    if (marked_.contains(id)) out_ << indent << "  color=\"#d62728\"; penwidth=2.5;\n";
    out_ << indent << "  " << dot_quoted(id) << " [shape=folder, label=" << dot_quoted(name) << mark(id)
         << "];\n";
    for (const auto& system : zone.systems) {
      if (used_.contains(system)) out_ << indent << "  " << dot_quoted(system) << ";\n";
    }
    for (const auto& [child, z] : scenario_.infrastructure.zones) {
      if (z.parent == name && child != name) write_zone(child, indent + "  ");
    }
    out_ << indent << "}\n";
  }

  std::ostream& out_;
  const Scenario& scenario_;
  const std::set<std::string>& used_;
  std::map<std::string, const InfrastructureDependency*> marked_;
};

void write_infrastructure(std::ostream& out, const Scenario& scenario, const DesignStructure& structure,
                          const std::set<std::string>& used_systems) {
  if (!structure.infrastructure_declared) return;
  Writer(out, scenario, structure, used_systems).write();
}

void write_infrastructure_comments(std::ostream& out, const DesignStructure& structure) {
  if (!structure.infrastructure_declared) return;
  out << "// infrastructure single points of failure and cut points: "
      << (structure.infrastructure.empty() ? "none" : std::to_string(structure.infrastructure.size()))
      << "\n";
  for (const auto& d : structure.infrastructure) {
    out << "// " << to_string(d.element.kind) << " " << d.element.name << ": " << marking(d);
    std::string flows;
    for (const auto& f : d.flows)
      flows += (flows.empty() ? "" : "; ") + describe(f.flow) + " by " + f.channel;
    if (!flows.empty()) out << " (" << flows << ")";
    out << "\n";
  }
}

void write_comments(std::ostream& out, const Scenario& scenario, const DesignStructure& structure) {
  out << "// recordflow graph: scenario " << one_line(scenario.name) << ", design "
      << one_line(structure.design) << "\n// organisations: " << structure.organisations
      << "; systems used: " << joined(structure.systems, ", ")
      << "\n// cut systems (their failure splits the design's electronic graph): "
      << (structure.cut_systems.empty() ? "none" : joined(structure.cut_systems, ", "))
      << "\n// flows without an electronic path: ";
  std::vector<std::string> missing;
  for (const auto& flow : structure.no_electronic_path) missing.push_back(describe(flow));
  out << (missing.empty() ? "none" : one_line(joined(missing, "; "))) << "\n";
  write_infrastructure_comments(out, structure);
  for (const auto& flow : structure.flows) {
    out << "// flow " << one_line(describe(flow.flow)) << ": electronic share "
        << number(flow.electronic_share);
    if (flow.unrouted_share > 0) out << ", unrouted " << number(flow.unrouted_share);
    for (const auto& channel : flow.channels) {
      out << "; " << one_line(channel.channel) << " " << number(channel.share) << " ("
          << (channel.electronic ? "electronic" : "manual") << ", " << channel.hops
          << (channel.hops == 1 ? " hop" : " hops") << ", systems: " << one_line(joined(channel.systems, " "))
          << ")";
    }
    out << "; single points of failure: "
        << (flow.single_points_of_failure.empty() ? "none"
                                                  : one_line(joined(flow.single_points_of_failure, ", ")))
        << "\n";
  }
}

// A legend cluster: one sample node per organisation type drawn and one for systems, and one sample
// edge per link style.
void write_legend(std::ostream& out, const std::set<std::string>& org_types, bool volumes) {
  out << "  subgraph cluster_legend {\n"
      << "    label=\"legend\"; fontsize=10; style=rounded; color=\"#bbbbbb\";\n"
      << "    \"legend: system\" [shape=cylinder, style=filled, fillcolor=\"#e6e6e6\", label=\"system\"];\n";
  for (const auto& type : org_types)
    out << "    " << dot_quoted("legend: " + type) << " [shape=box, style=\"rounded,filled\", fillcolor=\""
        << colour(type) << "\", label=" << quoted_lines({"organisation", type}) << "];\n";
  std::vector<std::array<const char*, 3>> styles{{"electronic", "solid", "#1f4e9c"},
                                                 {"manual (paper, fax, phone)", "dashed", "#b22222"},
                                                 {"organisation uses system", "dotted", "#808080"}};
  if (volumes) {
    styles.push_back(
        {"measured copies per year after warm-up, mean over replications\\n"
         "(share of the copies leaving the source)",
         "bold", "#2e8b57"});
    styles.push_back({"link no measured copy used", "solid", kFaint});
  }
  int i = 0;
  for (const auto& [what, style, line_colour] : styles) {
    const std::string from = "legend: " + std::to_string(i) + "a", to = "legend: " + std::to_string(i) + "b";
    out << "    " << dot_quoted(from) << " [shape=point, width=0.04]; " << dot_quoted(to)
        << " [shape=point, width=0.04];\n"
        << "    " << dot_quoted(from) << " -> " << dot_quoted(to) << " [style=" << style << ", color=\""
        << line_colour << "\", arrowhead=" << (std::string(style) == "dotted" ? "none" : "normal")
        << ", label=\"" << what << "\"];\n";
    ++i;
  }
  out << "  }\n";
}

struct DrawnOrganisation {
  std::string id;
  std::string type;
  int instances = 0;
};

}  // namespace

std::string to_dot(const Scenario& scenario, const Topology& topology, const DesignStructure& structure,
                   const DotOptions& options) {
  std::ostringstream out;
  write_comments(out, scenario, structure);
  out << "digraph " << dot_quoted(structure.design) << " {\n"
      << "  graph [rankdir=LR, fontname=\"Helvetica\", label="
      << dot_quoted(scenario.name + ": " + structure.design) << "];\n"
      << "  node [fontname=\"Helvetica\", fontsize=10];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=8];\n";

  // Organisation instance -> drawn node; drawn nodes keep the order of first declaration. An organisation
  // drawn under a system's name gets a suffix so that the two stay apart.
  std::set<std::string> system_names;
  for (const auto& node : topology.nodes()) {
    if (node.kind == TopologyNode::Kind::system) system_names.insert(node.name);
  }
  std::unordered_map<std::string, std::string> drawn_as;
  std::unordered_map<std::string, std::string> group_drawn_as;  // organisation group -> drawn node
  std::vector<DrawnOrganisation> drawn;
  std::map<std::string, std::size_t> drawn_index;
  for (const auto& org : scenario.organisations) {
    std::string id = options.all_instances || org.template_name.empty() ? org.name : org.template_name;
    if (system_names.contains(id)) id += " (organisation)";
    drawn_as.emplace(org.name, id);
    group_drawn_as.emplace(organisation_group(org), id);
    auto [it, added] = drawn_index.emplace(id, drawn.size());
    if (added) drawn.push_back(DrawnOrganisation{id, to_string(org.type), 0});
    ++drawn[it->second].instances;
  }
  const std::set<std::string> used(structure.systems.begin(), structure.systems.end());
  for (const auto& node : topology.nodes()) {
    if (node.kind != TopologyNode::Kind::system || !used.contains(node.name)) continue;
    out << "  " << dot_quoted(node.name) << " [shape=cylinder, style=filled, fillcolor=\"#e6e6e6\", label="
        << (node.detail.empty() || node.detail == node.name ? dot_quoted(node.name)
                                                            : quoted_lines({node.name, node.detail}))
        << "];\n";
  }
  for (const auto& org : drawn) {
    const std::string count = org.instances > 1 ? " \u00d7" + std::to_string(org.instances) : "";
    out << "  " << dot_quoted(org.id) << " [shape=box, style=\"rounded,filled\", fillcolor=\""
        << colour(org.type) << "\", label=" << quoted_lines({org.id + count, org.type}) << "];\n";
  }

  write_infrastructure(out, scenario, structure, used);

  using EdgeKey = std::tuple<TopologyLink::Kind, std::string, std::string>;
  std::map<EdgeKey, std::set<std::string>> edges;
  const auto organisation = [&drawn_as](const std::string& name) {
    const auto found = drawn_as.find(name);
    return found == drawn_as.end() ? name : found->second;
  };
  const auto group = [&group_drawn_as](const std::string& name) {
    const auto found = group_drawn_as.find(name);
    return found == group_drawn_as.end() ? name : found->second;
  };
  const bool volumes = options.volumes != nullptr && !options.all_instances;  // counted per group
  const std::set<LinkKey> carried =
      volumes ? carried_links(scenario, *options.volumes, group) : std::set<LinkKey>{};
  for (const auto& link : topology.links()) {
    // uses: organisation -> system; electronic: system -> system; manual: organisation -> organisation.
    const bool from_system = link.kind == TopologyLink::Kind::electronic;
    const bool to_system = link.kind != TopologyLink::Kind::manual;
    EdgeKey key{link.kind, from_system ? link.from : organisation(link.from),
                to_system ? link.to : organisation(link.to)};
    if (std::get<1>(key) == std::get<2>(key)) continue;
    edges[key].insert(link.channels.begin(), link.channels.end());
  }
  for (const auto& [key, channels] : edges) {
    const auto& [kind, from, to] = key;
    out << "  " << dot_quoted(from) << " -> " << dot_quoted(to) << " [";
    switch (kind) {
      case TopologyLink::Kind::uses:
        out << "style=dotted, dir=none, color=\"#808080\"";
        break;
      case TopologyLink::Kind::electronic:
        out << "style=solid, color=\"#1f4e9c\"";
        break;
      case TopologyLink::Kind::manual:
        out << "style=dashed, color=\"#b22222\"";
        break;
    }
    if (!channels.empty()) out << ", label=" << quoted_lines({channels.begin(), channels.end()});
    if (volumes && !carried.contains(key))
      out << ", color=\"" << kFaint << "\", fontcolor=\"" << kFaint << "\"";
    out << "];\n";
  }
  if (volumes) write_volume_edges(out, *options.volumes, group);
  std::set<std::string> org_types;
  for (const auto& org : drawn) org_types.insert(org.type);
  write_legend(out, org_types, volumes);
  out << "}\n";
  return out.str();
}

}  // namespace recordflow
