#include "scenario/Infrastructure.hpp"

#include <algorithm>
#include <set>

namespace recordflow {

std::vector<std::string> zones_holding(const Infrastructure& infrastructure, const std::string& system) {
  std::vector<std::string> chain;
  std::string zone;
  for (const auto& [name, z] : infrastructure.zones) {
    if (std::find(z.systems.begin(), z.systems.end(), system) != z.systems.end()) zone = name;
  }
  // Bounded by the number of zones, so even an unvalidated cycle cannot loop forever.
  while (!zone.empty() && chain.size() <= infrastructure.zones.size()) {
    chain.push_back(zone);
    const auto found = infrastructure.zones.find(zone);
    zone = found == infrastructure.zones.end() ? "" : found->second.parent;
  }
  return chain;
}

std::vector<std::string> systems_in_zone(const Infrastructure& infrastructure, const std::string& zone) {
  std::set<std::string> systems;
  for (const auto& [name, z] : infrastructure.zones) {
    for (const auto& system : z.systems) {
      const auto chain = zones_holding(infrastructure, system);
      if (std::find(chain.begin(), chain.end(), zone) != chain.end()) systems.insert(system);
    }
  }
  return {systems.begin(), systems.end()};
}

std::vector<InfrastructureIncident> hosting_incidents(const Infrastructure& infrastructure,
                                                      const std::string& system) {
  const auto chain = zones_holding(infrastructure, system);
  std::vector<InfrastructureIncident> incidents;
  for (const auto& i : infrastructure.incidents) {
    if (!i.zone.empty() && std::find(chain.begin(), chain.end(), i.zone) != chain.end())
      incidents.push_back(i);
  }
  return incidents;
}

std::vector<Incident> zone_incidents_hitting(const Infrastructure& infrastructure,
                                             const std::string& system) {
  std::vector<Incident> incidents;
  for (const auto& i : hosting_incidents(infrastructure, system)) incidents.push_back(i.incident);
  return incidents;
}

std::vector<Incident> link_incidents(const Infrastructure& infrastructure, const std::string& link) {
  std::vector<Incident> incidents;
  for (const auto& i : infrastructure.incidents) {
    if (i.link == link) incidents.push_back(i.incident);
  }
  return incidents;
}

}  // namespace recordflow
