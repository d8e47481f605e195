#include "scenario/InfrastructureValidator.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "scenario/Composition.hpp"
#include "scenario/NetworkQuantities.hpp"

namespace recordflow {
namespace {

using nlohmann::json;

const json& member(const json& object, const char* key) {
  static const json kNone;
  return object.is_object() && object.contains(key) ? object[key] : kNone;
}

std::string text(const json& object, const char* key) {
  const json& value = member(object, key);
  return value.is_string() ? value.get<std::string>() : std::string();
}

// Union-find over named nodes ("system:x", "zone:y", "link:z"), for the connectivity rule.
class Components {
 public:
  void join(const std::string& a, const std::string& b) { parent_[find(a)] = find(b); }
  std::string find(const std::string& node) {
    auto [it, added] = parent_.emplace(node, node);
    if (it->second == node) return node;
    const std::string root = find(it->second);
    parent_[node] = root;
    return root;
  }

 private:
  std::map<std::string, std::string> parent_;
};

class InfrastructureChecker {
 public:
  InfrastructureChecker(const json& doc, ValidationReport& report)
      : infrastructure_(member(doc, "infrastructure")), r_(report) {
    systems_ = member_names(doc, "systems");
    zones_ = member_names(infrastructure_, "zones");
    links_ = member_names(infrastructure_, "links");
    places_ = zones_;
    places_.insert(places_.end(), systems_.begin(), systems_.end());
  }

  void run() {
    for (const auto& zone : zones_) check_zone(zone);
    for (const auto& link : links_) check_link(link);
    const json& incidents = member(infrastructure_, "incidents");
    if (incidents.is_array()) {
      for (std::size_t i = 0; i < incidents.size(); ++i)
        check_incident("/infrastructure/incidents/" + std::to_string(i), incidents[i]);
    }
    check_reach();
  }

 private:
  std::string zone_pointer(const std::string& zone) const {
    return pointer_append("/infrastructure/zones", zone);
  }

  void check_zone(const std::string& name) {
    const json& zone = infrastructure_["zones"][name];
    const std::string p = zone_pointer(name);
    const std::string parent = text(zone, "in");
    if (!parent.empty() && r_.reference(pointer_append(p, "in"), "zone", parent, zones_)) {
      // Follow the parents; coming back to `name` means the zone contains itself.
      std::vector<std::string> chain{name};
      std::string at = parent;
      while (!at.empty() && chain.size() <= zones_.size()) {
        chain.push_back(at);
        if (at == name) {
          std::string path;
          for (const auto& z : chain) path += (path.empty() ? "" : " -> ") + z;
          r_.add(pointer_append(p, "in"), "zone \"" + name + "\" contains itself (" + path + ")",
                 "a zone sits in another zone; the chain of \"in\" must end at a top-level zone");
          break;
        }
        const json& next = member(member(infrastructure_, "zones"), at.c_str());
        at = text(next, "in");
      }
    }
    const json& systems = member(zone, "systems");
    if (!systems.is_array()) return;
    for (std::size_t i = 0; i < systems.size(); ++i) {
      if (!systems[i].is_string()) continue;
      const std::string system = systems[i].get<std::string>();
      const std::string q = pointer_append(p, "systems") + "/" + std::to_string(i);
      if (!r_.reference(q, "system", system, systems_)) continue;
      auto [it, added] = placed_.emplace(system, name);
      if (!added)
        r_.add(
            q,
            "system \"" + system + "\" is placed in two zones (\"" + it->second + "\" and \"" + name + "\")",
            "a system runs in one place; nest the zones instead (\"in\") if one sits in the other");
    }
  }

  void check_link(const std::string& name) {
    const json& link = infrastructure_["links"][name];
    const std::string p = pointer_append("/infrastructure/links", name);
    if (link.contains("latency"))
      r_.duration(pointer_append(p, "latency"), link["latency"], 0, false, "a link's latency");
    if (link.contains("bandwidth")) {
      std::string error;
      const auto bandwidth = read_bandwidth(link["bandwidth"], &error);
      if (bandwidth && !(*bandwidth > 0))
        r_.add(pointer_append(p, "bandwidth"),
               "a link's bandwidth must be positive, got " + link["bandwidth"].dump(),
               "a link that carries nothing is a failed link: declare an incident instead");
    }
    const json& connects = member(link, "connects");
    if (!connects.is_array()) return;
    for (std::size_t i = 0; i < connects.size(); ++i) {
      if (connects[i].is_string())
        r_.reference(pointer_append(p, "connects") + "/" + std::to_string(i), "zone or system",
                     connects[i].get<std::string>(), places_);
    }
  }

  void check_incident(const std::string& p, const json& incident) {
    const bool zone = incident.contains("zone");
    const bool link = incident.contains("link");
    if (zone == link) {
      r_.add(p, "an infrastructure incident names exactly one \"zone\" or \"link\"",
             "a system's own incidents go in its \"availability\"");
    } else if (zone) {
      r_.reference(p + "/zone", "zone", text(incident, "zone"), zones_);
    } else {
      r_.reference(p + "/link", "link", text(incident, "link"), links_);
    }
    if (incident.contains("start"))
      r_.duration(p + "/start", incident["start"], 0, false, "an incident's start");
    if (incident.contains("duration"))
      r_.duration(p + "/duration", incident["duration"], 0, false, "an incident's duration");
    const json& recovery = member(incident, "recovery");
    if (!recovery.is_array()) return;
    for (std::size_t i = 0; i < recovery.size(); ++i) {
      if (recovery[i].contains("duration"))
        r_.duration(p + "/recovery/" + std::to_string(i) + "/duration", recovery[i]["duration"], 0, true,
                    "a recovery phase");
    }
  }

  // Every system is placed or linked, and joined to the systems of the largest connected part.
  void check_reach() {
    if (zones_.empty() && links_.empty()) return;
    Components components;
    std::set<std::string> linked;
    for (const auto& zone : zones_) {
      const std::string parent = text(infrastructure_["zones"][zone], "in");
      components.find("zone:" + zone);
      if (!parent.empty()) components.join("zone:" + zone, "zone:" + parent);
    }
    for (const auto& [system, zone] : placed_) components.join("system:" + system, "zone:" + zone);
    for (const auto& link : links_) {
      const json& connects = member(infrastructure_["links"][link], "connects");
      if (!connects.is_array()) continue;
      for (const auto& c : connects) {
        if (!c.is_string()) continue;
        const std::string name = c.get<std::string>();
        const bool is_zone = std::find(zones_.begin(), zones_.end(), name) != zones_.end();
        components.join("link:" + link, (is_zone ? "zone:" : "system:") + name);
        if (!is_zone) linked.insert(name);
      }
    }
    std::map<std::string, int> size;
    for (const auto& system : systems_) ++size[components.find("system:" + system)];
    std::string largest;
    for (const auto& system : systems_) {  // the largest part; ties go to the first system's part
      const std::string root = components.find("system:" + system);
      if (largest.empty() || size[root] > size[largest]) largest = root;
    }
    for (const auto& system : systems_) {
      if (!placed_.contains(system) && !linked.contains(system)) {
        r_.add(pointer_append("/systems", system),
               "no link reaches system \"" + system + "\": no zone holds it and no link connects it",
               "list it in a zone's \"systems\" or in a link's \"connects\"");
      } else if (components.find("system:" + system) != largest) {
        const auto zone = placed_.find(system);
        r_.add(zone == placed_.end() ? pointer_append("/systems", system) : zone_pointer(zone->second),
               "no link reaches system \"" + system + "\" from the rest of the infrastructure",
               "connect its zone to the others with a link (\"connects\")");
      }
    }
  }

  const json& infrastructure_;
  ValidationReport& r_;
  std::vector<std::string> systems_, zones_, links_, places_;
  std::map<std::string, std::string> placed_;  // system -> zone
};

}  // namespace

void validate_infrastructure(const json& document, ValidationReport& report) {
  if (!document.is_object() || !document.contains("infrastructure") ||
      !document["infrastructure"].is_object())
    return;
  InfrastructureChecker(document, report).run();
}

}  // namespace recordflow
