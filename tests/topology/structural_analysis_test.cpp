#include "topology/StructuralAnalysis.hpp"

#include <gtest/gtest.h>

#include "ScenarioFixtures.hpp"

namespace recordflow {
namespace {

using testing::add_design;
using testing::base_scenario;
using Names = std::vector<std::string>;

const FlowStructure& only_flow(const DesignStructure& structure) {
  EXPECT_EQ(structure.flows.size(), 1u);
  return structure.flows.front();
}

TEST(StructuralAnalysis, PaperOnlyFlowHasNoElectronicPath) {
  Scenario scenario = base_scenario(3);
  add_design(scenario, "paper", {{"paper_post", 1.0}});
  const DesignStructure structure = analyse_structure(scenario);
  const FlowStructure& flow = only_flow(structure);
  EXPECT_FALSE(flow.has_electronic_path());
  EXPECT_DOUBLE_EQ(flow.electronic_share, 0.0);
  ASSERT_EQ(flow.channels.size(), 1u);
  EXPECT_FALSE(flow.channels.front().electronic);
  EXPECT_EQ(flow.channels.front().hops, 1);
  EXPECT_TRUE(flow.single_points_of_failure.empty());
  ASSERT_EQ(structure.no_electronic_path.size(), 1u);
  EXPECT_EQ(structure.no_electronic_path.front().document, "discharge_summary");
  EXPECT_EQ(structure.organisations, 4);
}

TEST(StructuralAnalysis, HubIsACutSystemAndASinglePointOfFailure) {
  Scenario scenario = base_scenario(3);
  add_design(scenario, "hub", {{"hub_feed", 1.0}});
  const DesignStructure structure = analyse_structure(scenario);
  const FlowStructure& flow = only_flow(structure);
  EXPECT_TRUE(flow.has_electronic_path());
  EXPECT_EQ(flow.single_points_of_failure, (Names{"city_epr", "engine", "hub"}));
  EXPECT_NE(std::find(structure.cut_systems.begin(), structure.cut_systems.end(), "hub"),
            structure.cut_systems.end());
  EXPECT_NE(std::find(structure.cut_systems.begin(), structure.cut_systems.end(), "engine"),
            structure.cut_systems.end());
  // GP practices also reach the hub, so their shared GP system cuts nothing off.
  EXPECT_EQ(std::find(structure.cut_systems.begin(), structure.cut_systems.end(), "gp_system"),
            structure.cut_systems.end());
  EXPECT_TRUE(structure.no_electronic_path.empty());
}

TEST(StructuralAnalysis, HopsCountSystemChangesAndManualCrossings) {
  Scenario scenario = base_scenario(2);
  add_design(
      scenario, "all",
      {{"hub_feed", 0.2}, {"message", 0.2}, {"gp_connect", 0.2}, {"shared_epr", 0.2}, {"paper_post", 0.2}});
  const FlowStructure flow = only_flow(analyse_structure(scenario));
  ASSERT_EQ(flow.channels.size(), 5u);
  EXPECT_EQ(flow.channels[0].hops, 2);  // city_epr -> engine -> hub
  EXPECT_EQ(flow.channels[0].systems, (Names{"city_epr", "engine", "hub"}));
  EXPECT_EQ(flow.channels[1].hops, 2);  // city_epr -> mesh -> gp_system
  EXPECT_EQ(flow.channels[2].hops, 2);  // gp_system -> spine -> city_epr
  EXPECT_EQ(flow.channels[2].systems, (Names{"gp_system", "spine", "city_epr"}));
  EXPECT_EQ(flow.channels[3].hops, 0);  // one shared system
  EXPECT_EQ(flow.channels[4].hops, 1);  // the post
  EXPECT_NEAR(flow.electronic_share, 0.8, 1e-12);
  // The source's EPR is the only system every electronic channel needs.
  EXPECT_EQ(flow.single_points_of_failure, Names{"city_epr"});
}

TEST(StructuralAnalysis, MixedEconomyReportsSharesAndCommonSystems) {
  Scenario scenario = base_scenario(3);
  add_design(scenario, "mixed", {{"message", 0.7}, {"paper_post", 0.3}});
  const FlowStructure flow = only_flow(analyse_structure(scenario));
  EXPECT_NEAR(flow.electronic_share, 0.7, 1e-12);
  EXPECT_NEAR(flow.channels[1].share, 0.3, 1e-12);
  EXPECT_EQ(flow.single_points_of_failure, (Names{"city_epr", "gp_system", "mesh"}));
}

TEST(StructuralAnalysis, NamedOrganisationRulesAreWeighedByPatients) {
  Scenario scenario = base_scenario(4);
  add_design(scenario, "partial", {{"message", 1.0}});
  FlowRule paper;
  paper.to_orgs = {"gp_practice#1"};
  paper.mix = {{"paper_post", 1.0}};
  scenario.designs.back().rules.push_back(paper);
  const FlowStructure flow = only_flow(analyse_structure(scenario));
  EXPECT_NEAR(flow.electronic_share, 0.75, 1e-12);
  EXPECT_TRUE(flow.has_electronic_path());
}

TEST(StructuralAnalysis, JsonHasTheDocumentedShape) {
  Scenario scenario = base_scenario(2);
  add_design(scenario, "paper", {{"paper_post", 1.0}});
  add_design(scenario, "hub", {{"hub_feed", 1.0}});
  const auto json = structure_to_json(
      {analyse_structure(scenario, scenario.designs[0]), analyse_structure(scenario, scenario.designs[1])});
  ASSERT_TRUE(json.contains("paper"));
  const auto& hub = json.at("hub");
  EXPECT_EQ(hub.at("organisations"), 3);
  EXPECT_EQ(hub.at("flows").at(0).at("document"), "discharge_summary");
  EXPECT_EQ(hub.at("flows").at(0).at("from"), "acute");
  EXPECT_EQ(hub.at("flows").at(0).at("to"), "primary");
  EXPECT_EQ(hub.at("flows").at(0).at("channels").at(0).at("systems"), (Names{"city_epr", "engine", "hub"}));
  EXPECT_EQ(hub.at("flows").at(0).at("electronic_share"), 1.0);
  EXPECT_TRUE(hub.at("no_electronic_path").empty());
  EXPECT_EQ(json.at("paper").at("no_electronic_path").at(0).at("to"), "primary");
  EXPECT_TRUE(hub.at("cut_systems").is_array());
  EXPECT_EQ(hub.at("systems"), (Names{"city_epr", "engine", "gp_system", "hub"}));
}

TEST(StructuralAnalysis, IsDeterministic) {
  const Scenario scenario = testing::regional_scenario(50);
  EXPECT_EQ(structure_to_json(analyse_structure(scenario)).dump(),
            structure_to_json(analyse_structure(scenario)).dump());
}

}  // namespace
}  // namespace recordflow
