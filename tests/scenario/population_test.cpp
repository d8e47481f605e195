// People by place (language version 2): a valid document builds its places, age bands, services, rates by
// age band and recency windows exactly; the workload estimate sums over places and bands; version 1 keeps
// its meaning; semantic validation accepts shares within 1e-6 and names what is wrong otherwise.
#include <gtest/gtest.h>

#include <cmath>

#include "TestPaths.hpp"
#include "scenario/Composition.hpp"
#include "scenario/Defaults.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "scenario/ScenarioValidator.hpp"
#include "scenario/Workload.hpp"

namespace recordflow {
namespace {

using nlohmann::json;

constexpr double kHoursPerYear = 8760;

LoadedScenario load(const std::string& fixture) {
  LoadedScenario loaded = load_scenario(test::fixture(fixture));
  EXPECT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  return loaded;
}

const Pathway& pathway(const Scenario& s, const std::string& name) {
  for (const auto& p : s.pathways)
    if (p.name == name) return p;
  throw std::out_of_range("no pathway " + name);
}

std::vector<Diagnostic> check(json doc) {
  fill_defaults(doc);
  return validate_semantics(doc, SourceMap("s.json"), "today");
}

bool has(const std::vector<Diagnostic>& ds, const std::string& pointer, const std::string& text) {
  for (const auto& d : ds)
    if (d.pointer == pointer && d.message.find(text) != std::string::npos) return true;
  return false;
}

// The place's services of one type are exactly `expected` (organisation, share), in order.
void expect_services(const Place& place, OrgType type,
                     const std::vector<std::pair<std::string, double>>& expected) {
  const auto& services = place.served_by[static_cast<std::size_t>(type)];
  ASSERT_EQ(services.size(), expected.size()) << place.name;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(services[i].organisation, expected[i].first) << place.name;
    EXPECT_EQ(services[i].share, expected[i].second) << place.name;
  }
}

TEST(PeopleByPlaceBuilder, BuildsPlacesBandsServicesRatesAndWindows) {
  const LoadedScenario loaded = load("people_by_place.json");
  ASSERT_TRUE(loaded.ok());
  const Scenario s = build_scenario(loaded.resolved, "today", "people_by_place.json");
  EXPECT_TRUE(s.people.people_persist);
  EXPECT_EQ(s.population, 30000);
  EXPECT_EQ(s.people.age_bands, (std::vector<std::string>{"0-17", "18-64", "65+"}));
  ASSERT_EQ(s.people.places.size(), 2u);

  const Place& north = s.people.places[0];
  EXPECT_EQ(north.name, "north");
  EXPECT_EQ(north.people, 20000);
  EXPECT_EQ(north.age_shares, (std::vector<double>{0.2, 0.6, 0.2}));
  expect_services(north, OrgType::acute, {{"city_hospital", 0.75}, {"town_hospital", 0.25}});
  expect_services(north, OrgType::primary, {{"gp", 1.0}});  // a template: its instances by weight
  EXPECT_TRUE(north.served_by[static_cast<std::size_t>(OrgType::social_care)].empty());

  const Place& south = s.people.places[1];
  EXPECT_EQ(south.name, "south");
  EXPECT_EQ(south.people, 10000);
  EXPECT_EQ(south.age_shares, (std::vector<double>{0.25, 0.5, 0.25}));
  expect_services(south, OrgType::primary, {{"gp#2", 0.4}, {"gp#3", 0.6}});

  const Pathway& admission = pathway(s, "admission");
  EXPECT_EQ(admission.rate_per_1000_per_hour_by_band,
            (std::vector<double>{0, 12 / kHoursPerYear, 120 / kHoursPerYear}));
  EXPECT_EQ(admission.rate_for_band(0), 0);
  EXPECT_EQ(admission.rate_for_band(2), 120 / kHoursPerYear);
  const Pathway& review = pathway(s, "review");
  EXPECT_TRUE(review.rate_per_1000_per_hour_by_band.empty());
  EXPECT_EQ(review.rate_for_band(1), 36 / kHoursPerYear);

  const State& visit = admission.states.at(admission.state_index("gp_visit"));
  ASSERT_EQ(visit.needs.size(), 1u);
  EXPECT_EQ(visit.needs[0].from, OrgType::acute);
  EXPECT_EQ(visit.needs[0].within, 90 * 24);
  const State& gp_review = review.states.at(review.state_index("gp_review"));
  ASSERT_EQ(gp_review.needs.size(), 1u);
  EXPECT_TRUE(std::isinf(gp_review.needs[0].within));  // no window: any age
}

TEST(PeopleByPlaceBuilder, WorkloadIsTheSumOverPlacesAndBands) {
  const LoadedScenario loaded = load("people_by_place.json");
  const Scenario s = build_scenario(loaded.resolved, "today", "people_by_place.json");
  // admission, per year: north 20,000 x (0.6 x 12 + 0.2 x 120) / 1000 = 624, south 10,000 x (0.5 x 12 +
  // 0.25 x 120) / 1000 = 360 (the 0-17 band has no rate); review: 30,000 x 36 / 1000 = 1,080.
  const double per_year = 624 + 360 + 1080;
  const double horizon = 60 * 24;
  EXPECT_NEAR(estimate_workload(s).arrivals, per_year / kHoursPerYear * horizon, 1e-9);
}

TEST(PeopleByPlaceBuilder, VersionOneKeepsOnePersonPerArrival) {
  const LoadedScenario loaded = load("minimal.json");
  EXPECT_EQ(loaded.resolved["recordflow"], 1);
  const Scenario s = build_scenario(loaded.resolved, "today", "minimal.json");
  EXPECT_FALSE(s.people.people_persist);
  EXPECT_TRUE(s.people.places.empty());
  EXPECT_EQ(s.population, 100000);
  EXPECT_TRUE(s.pathways[0].rate_per_1000_per_hour_by_band.empty());
  EXPECT_NEAR(estimate_workload(s).arrivals, 100.0 * 12 / kHoursPerYear * 60 * 24, 1e-9);
}

TEST(PeopleByPlaceValidator, SharesWithinOneMillionthAreAccepted) {
  json doc = load("people_by_place.json").resolved;
  EXPECT_TRUE(check(doc).empty()) << format_diagnostics(check(doc));
  doc["population"]["places"]["north"]["age"]["65+"] = 0.2 + 5e-7;
  doc["population"]["places"]["south"]["served_by"]["primary"]["gp#3"] = 0.6 - 5e-7;
  EXPECT_TRUE(check(doc).empty()) << format_diagnostics(check(doc));
  doc["population"]["places"]["north"]["age"]["65+"] = 0.2 + 2e-6;
  EXPECT_TRUE(
      has(check(doc), "/population/places/north/age", "the age shares of place 'north' sum to 1.000002"));
}

TEST(PeopleByPlaceValidator, ServicesNameOrganisationsOfTheirType) {
  json doc = load("people_by_place.json").resolved;
  auto& south = doc["population"]["places"]["south"]["served_by"];
  south["primary"] = {{"gp#4", 0.4}, {"gp#3", 0.6}};  // gp has 3 instances
  south["acute"] = {{"gp#1", 1}};
  const auto ds = check(doc);
  EXPECT_TRUE(
      has(ds, "/population/places/south/served_by/primary/gp#4", "unknown primary organisation \"gp#4\""))
      << format_diagnostics(ds);
  EXPECT_TRUE(has(ds, "/population/places/south/served_by/acute/gp#1",
                  "organisation \"gp#1\" is of type primary, not acute"));
}

TEST(PeopleByPlaceBuilder, IncludedVersionOnePartsKeepAVersionTwoScenario) {
  // The fixture includes parts/channels.json, a version 1 part: the scenario stays version 2.
  const LoadedScenario loaded = load("people_by_place.json");
  EXPECT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded.resolved["channels"].contains("paper_post"));
  EXPECT_EQ(loaded.resolved["recordflow"], 2);
}

}  // namespace
}  // namespace recordflow
