#include "engine/Availability.hpp"

#include <gtest/gtest.h>

namespace recordflow::engine {
namespace {

TEST(Availability, AlwaysUpHasNoChanges) {
  System s;
  s.name = "epr";
  const SystemTimeline tl = build_timeline(s, 100, RandomStream(1, 0, "system/epr/failures"));
  EXPECT_TRUE(tl.changes.empty());
  EXPECT_TRUE(tl.up_at(50));
  EXPECT_DOUBLE_EQ(tl.share_at(50), 1.0);
}

TEST(Availability, IncidentThenRecoveryPhases) {
  System s;
  s.name = "epr";
  Incident inc;
  inc.start = 10;
  inc.duration = 5;
  inc.recovery = {{0, 10, 0.1}, {10, 10, 0.5}};
  s.availability.incidents.push_back(inc);
  s.availability.planned.push_back({50, 24, 2});
  const SystemTimeline tl = build_timeline(s, 100, RandomStream(1, 0, "system/epr/failures"));
  EXPECT_TRUE(tl.up_at(9.9));
  EXPECT_FALSE(tl.up_at(10));
  EXPECT_FALSE(tl.up_at(14.99));
  EXPECT_TRUE(tl.up_at(15));
  EXPECT_DOUBLE_EQ(tl.share_at(16), 0.1);
  EXPECT_DOUBLE_EQ(tl.share_at(26), 0.5);
  EXPECT_DOUBLE_EQ(tl.share_at(36), 1.0);
  EXPECT_FALSE(tl.up_at(51));
  EXPECT_FALSE(tl.up_at(75));
  EXPECT_TRUE(tl.up_at(77));
  EXPECT_DOUBLE_EQ(tl.downtime(0, 100), 5 + 2 + 2 + 2);  // incident, then windows at 50, 74, 98
}

TEST(Availability, RandomFailuresComeFromTheNamedStream) {
  System s;
  s.name = "epr";
  s.availability.failures = RandomFailures{Distribution::exponential(50), Distribution::exponential(3)};
  const SystemTimeline a = build_timeline(s, 2000, RandomStream(7, 1, "system/epr/failures"));
  const SystemTimeline b = build_timeline(s, 2000, RandomStream(7, 1, "system/epr/failures"));
  const SystemTimeline c = build_timeline(s, 2000, RandomStream(7, 2, "system/epr/failures"));
  ASSERT_FALSE(a.changes.empty());
  ASSERT_EQ(a.changes.size(), b.changes.size());
  for (std::size_t i = 0; i < a.changes.size(); ++i) EXPECT_EQ(a.changes[i].time, b.changes[i].time);
  EXPECT_NE(a.changes.front().time, c.changes.front().time);
}

// An incident of a zone holding the system (a supplier's hosting) is part of the system's own timeline.
TEST(Availability, HostingIncidentTakesTheSystemDownThenDegradesIt) {
  System s;
  s.name = "gp_system";
  const Incident hosting{"hosting_fire", 10, 5, {CapacityPhase{0, 3, 0.5}}};
  const SystemTimeline tl = build_timeline(s, 100, RandomStream(1, 0, "system/gp_system/failures"), {hosting});
  EXPECT_TRUE(tl.up_at(9.9));
  EXPECT_FALSE(tl.up_at(12));
  EXPECT_TRUE(tl.up_at(16));
  EXPECT_DOUBLE_EQ(tl.share_at(16), 0.5);
  EXPECT_DOUBLE_EQ(tl.share_at(18.5), 1.0);
  EXPECT_DOUBLE_EQ(tl.downtime(0, 100), 5.0);
  // Without it the same system never fails.
  EXPECT_TRUE(build_timeline(s, 100, RandomStream(1, 0, "system/gp_system/failures")).changes.empty());
}

// Three zones in a chain joined by two links: an incident on the first link cuts the hop that crosses it
// and no other; in its recovery phase the hop runs at the link's bandwidth share.
TEST(Availability, LinkIncidentCutsOnlyTheHopsCrossingIt) {
  Scenario scenario;
  for (const char* name : {"a", "b", "c"}) scenario.systems[name].name = name;
  Infrastructure& infra = scenario.infrastructure;
  infra.zones["za"] = Zone{"za", "server_room", "", {"a"}};
  infra.zones["zb"] = Zone{"zb", "data_centre", "", {"b"}};
  infra.zones["zc"] = Zone{"zc", "hosting", "", {"c"}};
  infra.links["l1"] = NetworkLink{"l1", "health_network", 1e-6, 1e8, {"za", "zb"}};
  infra.links["l2"] = NetworkLink{"l2", "internet", 1e-6, 1e7, {"zb", "zc"}};
  infra.incidents.push_back({"", "l1", Incident{"cut", 10, 2, {CapacityPhase{0, 4, 0.25}}}});
  const std::vector<std::pair<std::string, std::string>> hops{{"a", "b"}, {"b", "c"}};
  const auto graph = InfrastructureGraph::build(scenario, hops);
  const NetworkAvailability network = build_network_availability(scenario, graph, hops, 100);
  EXPECT_TRUE(network.hop_up_at("a", "b", 9));
  EXPECT_FALSE(network.hop_up_at("a", "b", 11));
  EXPECT_TRUE(network.hop_up_at("b", "c", 11));
  EXPECT_DOUBLE_EQ(network.hop_share_at("a", "b", 13), 0.25);
  EXPECT_DOUBLE_EQ(network.hop_share_at("a", "b", 17), 1.0);
  EXPECT_EQ(network.hops_crossing("l1"), (std::vector<std::pair<std::string, std::string>>{{"a", "b"}}));
  EXPECT_TRUE(network.hops_crossing("l2").size() == 1u);
}

}  // namespace
}  // namespace recordflow::engine
