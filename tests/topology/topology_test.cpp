#include "topology/Topology.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "ScenarioFixtures.hpp"
#include "topology/ChannelWalk.hpp"

namespace recordflow {
namespace {

using testing::add_design;
using testing::base_scenario;

bool has_link(const Topology& topology, TopologyLink::Kind kind, const std::string& from,
              const std::string& to) {
  return std::any_of(topology.links().begin(), topology.links().end(), [&](const TopologyLink& link) {
    return link.kind == kind && link.from == from && link.to == to;
  });
}

TEST(Topology, NodesAreSystemsThenOrganisations) {
  Scenario scenario = base_scenario(3);
  add_design(scenario, "paper", {{"paper_post", 1.0}});
  const Topology topology = Topology::build(scenario);
  ASSERT_EQ(topology.nodes().size(), 6u + 4u);
  EXPECT_EQ(topology.nodes().front().name, "city_epr");
  EXPECT_EQ(topology.nodes().back().name, "gp_practice#3");
  EXPECT_EQ(topology.nodes().back().detail, "primary");
  EXPECT_EQ(topology.systems(),
            (std::vector<std::string>{"city_epr", "engine", "gp_system", "hub", "mesh", "spine"}));
}

TEST(Topology, PaperPostMakesManualLinksOnly) {
  Scenario scenario = base_scenario(3);
  add_design(scenario, "paper", {{"paper_post", 1.0}});
  const Topology topology = Topology::build(scenario);
  EXPECT_TRUE(topology.system_links().empty());
  for (const std::string gp : {"gp_practice#1", "gp_practice#2", "gp_practice#3"}) {
    EXPECT_TRUE(has_link(topology, TopologyLink::Kind::manual, "city_hospital", gp));
    EXPECT_TRUE(has_link(topology, TopologyLink::Kind::uses, gp, "gp_system"));
  }
  EXPECT_TRUE(has_link(topology, TopologyLink::Kind::uses, "city_hospital", "city_epr"));
}

TEST(Topology, MessageChannelLinksSystemsInOrder) {
  Scenario scenario = base_scenario(2);
  add_design(scenario, "message", {{"message", 1.0}});
  const Topology topology = Topology::build(scenario);
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(topology.system_links(), (Pairs{{"city_epr", "mesh"}, {"mesh", "gp_system"}}));
  const auto link = std::find_if(topology.links().begin(), topology.links().end(), [](const TopologyLink& l) {
    return l.from == "city_epr" && l.to == "mesh";
  });
  ASSERT_NE(link, topology.links().end());
  EXPECT_EQ(link->channels, std::vector<std::string>{"message"});
}

TEST(Topology, HubFeedPublishesIntoTheHubThatDestinationsRead) {
  Scenario scenario = base_scenario(2);
  add_design(scenario, "hub", {{"hub_feed", 1.0}});
  const Topology topology = Topology::build(scenario);
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(topology.system_links(), (Pairs{{"city_epr", "engine"}, {"engine", "hub"}}));
  EXPECT_TRUE(has_link(topology, TopologyLink::Kind::uses, "gp_practice#1", "hub"));
}

TEST(Topology, QueryLinksTheDestinationSystemThroughItsPath) {
  Scenario scenario = base_scenario(2);
  add_design(scenario, "query", {{"gp_connect", 1.0}});
  const Topology topology = Topology::build(scenario);
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(topology.system_links(), (Pairs{{"gp_system", "spine"}, {"spine", "city_epr"}}));
}

TEST(Topology, SharedStoreLinksTheDestinationToTheSharedSystem) {
  Scenario scenario = base_scenario(2);
  add_design(scenario, "shared", {{"shared_epr", 1.0}});
  const Topology topology = Topology::build(scenario);
  EXPECT_TRUE(topology.system_links().empty());
  EXPECT_TRUE(has_link(topology, TopologyLink::Kind::uses, "gp_practice#2", "city_epr"));
}

TEST(Topology, EmailThenReKeyingIsAManualCrossing) {
  Scenario scenario = base_scenario(1);
  add_design(scenario, "email", {{"email_rekey", 1.0}});
  const Topology topology = Topology::build(scenario);
  EXPECT_TRUE(topology.system_links().empty());
  EXPECT_TRUE(has_link(topology, TopologyLink::Kind::manual, "city_hospital", "gp_practice"));
}

TEST(Topology, UnroutedFlowsMakeNoLinks) {
  Scenario scenario = base_scenario(2);
  add_design(scenario, "none", {{"message", 1.0}});
  scenario.designs.back().rules.front().document = "referral";
  const Topology topology = Topology::build(scenario);
  EXPECT_TRUE(topology.system_links().empty());
  for (const auto& link : topology.links()) EXPECT_EQ(link.kind, TopologyLink::Kind::uses);
}

TEST(Topology, OtherDesignsBuildFromTheSameScenario) {
  Scenario scenario = base_scenario(2);
  add_design(scenario, "paper", {{"paper_post", 1.0}});
  add_design(scenario, "message", {{"message", 1.0}});
  EXPECT_TRUE(Topology::build(scenario, scenario.designs.front()).system_links().empty());
  EXPECT_EQ(Topology::build(scenario).system_links().size(), 2u);
}

TEST(Topology, RegionSizedScenarioBuildsQuickly) {
  const Scenario scenario = testing::regional_scenario(200);
  const auto start = std::chrono::steady_clock::now();
  const Topology topology = Topology::build(scenario);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 2.0);
  EXPECT_EQ(topology.nodes().size(), scenario.systems.size() + scenario.organisations.size());
  EXPECT_FALSE(topology.system_links().empty());
}

}  // namespace
}  // namespace recordflow
