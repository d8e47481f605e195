// People (language version 2): persons drawn from a population by place and age band, their organisations
// decided by their place, and a history that information needs search across pathways. The statistical
// checks use fixed seeds and 4-standard-deviation bounds (a false failure about 6e-5 per check if the
// code is right).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "EngineTestSupport.hpp"
#include "PeopleTestScenarios.hpp"
#include "engine/Model.hpp"
#include "engine/People.hpp"

namespace recordflow::testing {
namespace {

using engine::People;
using engine::PersonIndex;

// Two places, two hospitals, a GP template of two practices (weights 1 and 3), bands young and old.
Scenario two_places() {
  Scenario sc = base_scenario();
  Organisation south_hospital = sc.organisations[0];
  south_hospital.name = south_hospital.template_name = "south_hospital";
  Organisation gp2 = sc.organisations[1];
  sc.organisations[1].name = "gp#1";
  sc.organisations[1].template_name = "gp";
  gp2.name = "gp#2";
  gp2.template_name = "gp";
  gp2.weight = 3;
  sc.organisations.push_back(south_hospital);
  sc.organisations.push_back(gp2);
  sc.people.people_persist = true;
  sc.people.age_bands = {"young", "old"};
  Place north = place("north", 3000, {0.8, 0.2});
  serve(north, OrgType::acute, {{"hospital", 1.0}});
  serve(north, OrgType::primary, {{"gp#1", 1.0}});
  Place south = place("south", 5000, {0.7, 0.3});
  serve(south, OrgType::acute, {{"south_hospital", 0.7}, {"hospital", 0.3}});
  serve(south, OrgType::primary, {{"gp", 1.0}});
  sc.people.places = {north, south};
  sc.population = 8000;
  sc.pathways[0].rate_per_1000_per_hour_by_band = {0.0, 0.5};  // only old people arrive
  return sc;
}

bool within_four_sd(double count, double n, double p) {
  return std::abs(count - n * p) <= 4 * std::sqrt(n * p * (1 - p)) + 1e-9;
}

TEST(People, ArrivalsComeOnlyFromBandsWithARateInProportionToTheirPeople) {
  const Scenario sc = two_places();
  People people(sc, 0);
  // old: north 600 (numbers 2400..2999), south 1500 (3000 + 3500..4999)
  EXPECT_DOUBLE_EQ(people.arrival_rate(0), (600 + 1500) / 1000.0 * 0.5);
  RandomStream stream(7, 0, "arrivals/test");
  const int n = 20000;
  int north = 0;
  for (int i = 0; i < n; ++i) {
    const engine::Person& person = people[people.arrive(0, stream)];
    ASSERT_EQ(person.band, 1u);
    if (person.place == 0) {
      ++north;
      EXPECT_TRUE(person.number >= 2400 && person.number < 3000) << person.number;
    } else {
      EXPECT_TRUE(person.number >= 6500 && person.number < 8000) << person.number;
    }
  }
  EXPECT_TRUE(within_four_sd(north, n, 600.0 / 2100.0)) << north;
}

TEST(People, APlaceDecidesEachPersonsOrganisationsByItsShares) {
  Scenario sc = two_places();
  sc.pathways[0].rate_per_1000_per_hour_by_band = {1.0, 1.0};
  sc.people.places[0].people = 1;  // nearly everyone lives in the south
  People people(sc, 0);
  RandomStream stream(11, 0, "arrivals/test");
  std::map<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>> seen;  // person -> (acute, gp)
  for (int i = 0; i < 60000; ++i) {
    const engine::Person& person = people[people.arrive(0, stream)];
    const auto orgs = std::make_pair(person.orgs[0], person.orgs[1]);
    auto [it, added] = seen.emplace(person.number, orgs);
    EXPECT_EQ(it->second, orgs) << "a person keeps their organisations";
    (void)added;
  }
  double south_hospital = 0, gp2 = 0, south_people = 0;
  for (const auto& [number, orgs] : seen) {
    if (number == 0) continue;  // the one northerner
    ++south_people;
    south_hospital += orgs.first == 2 ? 1 : 0;  // organisations: hospital, gp#1, south_hospital, gp#2
    gp2 += orgs.second == 3 ? 1 : 0;
    EXPECT_TRUE(orgs.first == 0 || orgs.first == 2);
  }
  ASSERT_GT(south_people, 4500);
  EXPECT_TRUE(within_four_sd(south_hospital, south_people, 0.7)) << south_hospital << " of " << south_people;
  EXPECT_TRUE(within_four_sd(gp2, south_people, 0.75)) << gp2 << " of " << south_people;
}

// n arrivals among N equally likely people: the number of distinct people has mean N(1 - (1 - 1/N)^n)
// and the occupancy variance.
TEST(People, RepeatArrivalsFindTheSamePersonAsOccupancyPredicts) {
  const Scenario sc = one_place(1000);
  People people(sc, 3);
  RandomStream stream(5, 3, "arrivals/test");
  const double N = 1000, n = 2000;
  for (int i = 0; i < 2000; ++i) people.arrive(0, stream);
  const double q1 = std::pow(1 - 1 / N, n), q2 = std::pow(1 - 2 / N, n), q11 = std::pow(1 - 1 / N, 2 * n);
  const double mean = N * (1 - q1);
  const double variance = N * (N - 1) * q2 + N * q1 - N * N * q11;
  EXPECT_LE(std::abs(static_cast<double>(people.size()) - mean), 4 * std::sqrt(variance))
      << people.size() << " distinct against " << mean;
}

struct Expected {
  std::size_t found = 0, checked = 0;
};

Expected check_needs_against_copies(const CollectingSink& sink, Hours within) {
  std::map<std::uint64_t, Hours> available;
  for (const auto& a : sink.available) available[a.copy_id] = a.time;
  Expected e;
  for (const auto& need : sink.needs) {
    const CopyCreated* newest = nullptr;
    bool older_readable = false;
    for (const auto& c : sink.created) {
      if (!(c.time < need.time) || need.time - c.time > within) continue;
      if (newest != nullptr) {
        auto it = available.find(newest->copy_id);
        older_readable = older_readable || (it != available.end() && it->second <= need.time);
      }
      newest = &c;  // created events are in time order
    }
    ++e.checked;
    if (newest == nullptr) {
      EXPECT_EQ(need.outcome, NeedOutcome::no_document) << need.time;
      continue;
    }
    ++e.found;
    auto it = available.find(newest->copy_id);
    if (it != available.end() && it->second <= need.time)
      EXPECT_EQ(need.outcome, NeedOutcome::seen) << need.time;
    else if (older_readable)
      EXPECT_EQ(need.outcome, NeedOutcome::stale) << need.time;
    else
      EXPECT_TRUE(need.outcome == NeedOutcome::in_transit || need.outcome == NeedOutcome::paper_only)
          << need.time << " " << static_cast<int>(need.outcome);
  }
  return e;
}

TEST(People, ANeedFindsDocumentsOfEarlierPathwaysInThePersonsHistory) {
  for (const char* design : {"messaging", "paper"}) {
    Scenario sc = one_resident(Calendar::kNever);
    sc.design = design;
    CollectingSink sink;
    const std::string out = run_in_child([&] {
      simulate(sc, 0, sink, test_options());
      const Expected e = check_needs_against_copies(sink, Calendar::kNever);
      return std::to_string(e.found) + " " + std::to_string(e.checked) + " " +
             std::to_string(::testing::Test::HasFailure());
    });
    ASSERT_NE(out, "child failed") << design;
    unsigned found = 0, checked = 0, failed = 1;
    std::sscanf(out.c_str(), "%u %u %u", &found, &checked, &failed);
    EXPECT_EQ(failed, 0u) << design;
    EXPECT_GT(checked, 80u) << design;
    EXPECT_GT(found, checked * 9 / 10) << design << ": after the first summary every visit has a history";
  }
}

TEST(People, ARecencyWindowLeavesOlderDocumentsOut) {
  Scenario sc = one_resident(36);
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  const Expected e = check_needs_against_copies(sink, 36);
  EXPECT_GT(e.found, 10u);
  EXPECT_LT(e.found, e.checked * 3 / 4) << "with a 36 h window many visits find nothing";
}

// Version 1 (one person per arrival): the same pathways never share a history, so the GP visits find
// nothing.
TEST(People, VersionOneKeepsOnePersonPerArrival) {
  Scenario sc = one_resident(Calendar::kNever);
  sc.people = Population{};
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  ASSERT_GT(sink.needs.size(), 80u);
  ASSERT_GT(sink.created.size(), 10u);
  for (const auto& need : sink.needs) EXPECT_EQ(need.outcome, NeedOutcome::no_document);
}

// Common random numbers: a person's life (who arrives, their place, organisations, pathways and encounters)
// draws nothing from design-dependent streams, so two designs see the same encounters and needs.
TEST(People, DesignsSharePersonsAndEncounters) {
  auto encounters = [](const char* design) {
    Scenario sc = two_places();
    sc.pathways[0].rate_per_1000_per_hour_by_band = {0.05, 0.5};
    sc.design = design;
    return run_in_child([&] {
      CollectingSink sink;
      simulate(sc, 1, sink, test_options());
      std::string out;
      for (const auto& n : sink.needs)
        out += std::to_string(n.encounter_id) + "@" + std::to_string(n.time) + ";";
      for (const auto& c : sink.created)
        out += std::to_string(c.patient_id) + ">" + c.destination->name + ";";
      return out;
    });
  };
  const std::string messaging = encounters("messaging"), paper = encounters("paper");
  ASSERT_NE(messaging, "child failed");
  EXPECT_GT(messaging.size(), 200u);
  EXPECT_EQ(messaging, paper);
}

// The engine README states the memory per person and per history entry; this keeps the statement true.
TEST(People, APersonCostsWhatTheEngineReadmeSays) {
  EXPECT_LE(sizeof(engine::Person), 64u);
  EXPECT_EQ(sizeof(engine::Person::history[0]), 12u);
  EXPECT_LE(sizeof(engine::Copy), 72u) << "a copy keeps no random stream once it draws no more";
  EXPECT_LE(sizeof(engine::Patient), 80u);
}

}  // namespace
}  // namespace recordflow::testing
