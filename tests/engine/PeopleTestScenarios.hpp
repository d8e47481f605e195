// Scenarios of people for engine tests (language version 2): places built by hand, one place of N
// residents served by the base scenario's hospital and GP, and one resident whose admissions and GP visits
// are separate pathways, so that a visit finds a summary only through the person's history.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "EngineTestSupport.hpp"

namespace recordflow::testing {

inline Place place(const std::string& name, std::int64_t people, std::vector<double> age) {
  Place p;
  p.name = name;
  p.people = people;
  p.age_shares = std::move(age);
  return p;
}

inline void serve(Place& p, OrgType type, std::vector<PlaceService> services) {
  p.served_by[static_cast<std::size_t>(type)] = std::move(services);
}

// The base scenario with one place of `people` residents in one age band, served by its hospital and GP.
inline Scenario one_place(std::int64_t people) {
  Scenario sc = base_scenario();
  sc.people.people_persist = true;
  sc.people.age_bands = {"all"};
  Place home = place("home", people, {1.0});
  serve(home, OrgType::acute, {{"hospital", 1.0}});
  serve(home, OrgType::primary, {{"gp", 1.0}});
  sc.people.places = {home};
  sc.population = people;
  return sc;
}

// One resident: every arrival is the same person. Pathway "admission" writes discharge summaries to the
// GP and ends; pathway "gp_visit" needs one and creates nothing. A need can only find a document of
// another pathway through the person's history, and what it finds is decided by the copies' times.
inline Scenario one_resident(Hours within) {
  Scenario sc = one_place(1);
  Pathway& admission = sc.pathways[0];
  admission.rate_per_1000_per_hour = 1000.0 / 72;  // one admission in three days
  admission.states[0].transitions = {Transition{"end", 1.0, Distribution::fixed(0)}};
  Pathway visit = admission;
  visit.name = "gp_visit";
  visit.rate_per_1000_per_hour = 1000.0 / 12;
  visit.start = "gp_visit";
  visit.states[1].needs[0].within = within;
  sc.pathways.push_back(visit);
  sc.experiment.horizon = 24 * 60;
  return sc;
}

}  // namespace recordflow::testing
