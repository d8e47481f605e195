#include "topology/DotExport.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ScenarioFixtures.hpp"

namespace recordflow {
namespace {

std::string dot_of(const Scenario& scenario, bool all_instances = false) {
  const Topology topology = Topology::build(scenario);
  return to_dot(scenario, topology, analyse_structure(scenario), DotOptions{all_instances});
}

Scenario hub_scenario(int practices) {
  Scenario scenario = testing::base_scenario(practices);
  testing::add_design(scenario, "hub", {{"hub_feed", 0.7}, {"paper_post", 0.3}});
  return scenario;
}

TEST(DotExport, CollapsesTemplateInstancesByDefault) {
  const std::string dot = dot_of(hub_scenario(180));
  EXPECT_NE(dot.find("gp_practice \u00d7180"), std::string::npos);
  EXPECT_EQ(dot.find("gp_practice#"), std::string::npos);
  EXPECT_NE(dot.find("\"city_hospital\" -> \"gp_practice\" [style=dashed"), std::string::npos);
}

TEST(DotExport, ShowsEveryInstanceOnRequest) {
  const std::string dot = dot_of(hub_scenario(3), true);
  for (const std::string gp : {"gp_practice#1", "gp_practice#2", "gp_practice#3"}) {
    EXPECT_NE(dot.find("\"" + gp + "\" [shape=box"), std::string::npos) << gp;
  }
  EXPECT_EQ(dot.find("\u00d7"), std::string::npos);
}

TEST(DotExport, OpensWithTheStructuralAnalysisAsComments) {
  const std::string dot = dot_of(hub_scenario(3));
  EXPECT_EQ(dot.rfind("// recordflow graph: scenario topology_fixture, design hub\n", 0), 0u);
  EXPECT_NE(
      dot.find("// cut systems (their failure splits the design's electronic graph): city_epr, engine, hub"),
      std::string::npos);
  EXPECT_NE(dot.find("single points of failure: city_epr, engine, hub"), std::string::npos);
  std::istringstream lines(dot);
  std::string line;
  while (std::getline(lines, line) && line.rfind("digraph", 0) != 0)
    EXPECT_EQ(line.rfind("// ", 0), 0u) << line;
  EXPECT_EQ(line, "digraph \"hub\" {");
}

TEST(DotExport, StylesLinksByKind) {
  const std::string dot = dot_of(hub_scenario(2));
  EXPECT_NE(dot.find("\"city_epr\" -> \"engine\" [style=solid"), std::string::npos);
  EXPECT_NE(dot.find("label=\"hub_feed\""), std::string::npos);
  EXPECT_NE(dot.find("\"hub\" [shape=cylinder"), std::string::npos);
}

// The legend names every organisation type drawn (and no other), a system and the three link styles.
TEST(DotExport, HasALegendOfNodeColoursAndLinkStyles) {
  const std::string dot = dot_of(hub_scenario(2));
  const auto legend = dot.find("subgraph cluster_legend {");
  ASSERT_NE(legend, std::string::npos);
  const std::string part = dot.substr(legend);
  EXPECT_NE(part.find("\"legend: acute\" [shape=box, style=\"rounded,filled\", fillcolor=\"#f4b6b6\""),
            std::string::npos)
      << part;
  EXPECT_NE(part.find("\"legend: primary\""), std::string::npos) << part;
  EXPECT_EQ(part.find("\"legend: social_care\""), std::string::npos) << part;
  EXPECT_NE(part.find("\"legend: system\" [shape=cylinder"), std::string::npos);
  EXPECT_NE(part.find("[style=solid, color=\"#1f4e9c\", arrowhead=normal, label=\"electronic\"]"),
            std::string::npos);
  EXPECT_NE(part.find("[style=dashed, color=\"#b22222\""), std::string::npos);
  EXPECT_NE(part.find("[style=dotted, color=\"#808080\", arrowhead=none"), std::string::npos);
}

TEST(DotExport, KeepsAnOrganisationApartFromASystemOfTheSameName) {
  Scenario scenario = testing::base_scenario(2);
  scenario.systems["city_hospital"] = scenario.systems.at("city_epr");
  scenario.systems["city_hospital"].name = "city_hospital";
  scenario.systems.erase("city_epr");
  scenario.organisations.front().system = "city_hospital";
  testing::add_design(scenario, "message", {{"message", 1.0}});
  const DesignStructure structure = analyse_structure(scenario);
  EXPECT_NE(std::find(structure.cut_systems.begin(), structure.cut_systems.end(), "city_hospital"),
            structure.cut_systems.end());
  const std::string dot = dot_of(scenario);
  EXPECT_NE(dot.find("\"city_hospital (organisation)\" -> \"city_hospital\" [style=dotted"),
            std::string::npos);
  EXPECT_NE(dot.find("\"city_hospital\" -> \"mesh\" [style=solid"), std::string::npos);
}

TEST(DotExport, IsDeterministic) {
  const Scenario scenario = testing::regional_scenario(40);
  EXPECT_EQ(dot_of(scenario), dot_of(scenario));
  EXPECT_EQ(dot_of(scenario, true), dot_of(scenario, true));
}

TEST(DotExport, RendersWithGraphviz) {
  if (std::system("command -v dot > /dev/null 2>&1") != 0) GTEST_SKIP() << "Graphviz dot is not installed";
  const auto dir = std::filesystem::temp_directory_path() / ("recordflow_dot_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (const bool all : {false, true}) {
    const auto dot_file = dir / "graph.dot";
    const auto svg_file = dir / "graph.svg";
    std::ofstream(dot_file) << dot_of(testing::regional_scenario(12), all);
    const std::string command = "dot -Tsvg " + dot_file.string() + " -o " + svg_file.string();
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    std::ifstream svg(svg_file);
    const std::string text((std::istreambuf_iterator<char>(svg)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("<svg"), std::string::npos);
    EXPECT_NE(text.find("gp_practice"), std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace recordflow
