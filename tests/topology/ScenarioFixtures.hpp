// ScenarioFixtures: small Scenario objects built by hand for the topology tests. One acute hospital
// (city_epr), a template of GP practices sharing gp_system, an integration engine, a hub, a national
// spine and a mesh mailbox; a pathway whose ward stay creates a discharge summary for the patient's
// GP practice; channels for paper post, a message through an engine, a hub feed, a query through the
// spine and a shared store; one design per test case, added with add_design().
#pragma once

#include <string>
#include <vector>

#include "scenario/Scenario.hpp"

namespace recordflow::testing {

Scenario base_scenario(int gp_practices = 3);

// Adds a design routing every flow to `mix` (channel, share) and makes it the scenario's current design.
void add_design(Scenario& scenario, const std::string& name, const std::vector<ChannelShare>& mix);

// A region-sized scenario: `gp_practices` practices, four acute trusts, community, mental health and
// social care, documents flowing both ways; used to check the topology stays quick at scale.
Scenario regional_scenario(int gp_practices);

}  // namespace recordflow::testing
