// Infrastructure queries: which zones hold a system (innermost first), which systems a zone holds
// (directly or through zones nested in it), and which zone incidents therefore hit a system. Pure
// functions of a validated Scenario's Infrastructure (zone parents never form a cycle; a system is in at
// most one zone). With no infrastructure declared every answer is empty.
#pragma once

#include <string>
#include <vector>

#include "scenario/Scenario.hpp"

namespace recordflow {

// The zones holding `system`: its own zone first, then that zone's parent, and so on to the top.
std::vector<std::string> zones_holding(const Infrastructure& infrastructure, const std::string& system);

// Systems in `zone` or in any zone nested in it, sorted.
std::vector<std::string> systems_in_zone(const Infrastructure& infrastructure, const std::string& zone);

// The incidents of the zones holding `system` (in declaration order): each takes the system down.
std::vector<Incident> zone_incidents_hitting(const Infrastructure& infrastructure, const std::string& system);
// The same incidents with the zone each is declared on.
std::vector<InfrastructureIncident> hosting_incidents(const Infrastructure& infrastructure,
                                                      const std::string& system);

// The incidents declared on `link`, in declaration order.
std::vector<Incident> link_incidents(const Infrastructure& infrastructure, const std::string& link);

}  // namespace recordflow
