// Runs the built `recordflow graph` on the demo scenario and on broken input.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "GraphRun.hpp"

namespace {

TEST(GraphCommand, DrawsTheDemoScenarioAsDot) {
  const CommandRun run = run_recordflow("graph " + demo());
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out.rfind("// recordflow graph: scenario ", 0), 0u);
  EXPECT_NE(run.out.find("\ndigraph "), std::string::npos);
  EXPECT_EQ(run.out.find("gp_practice#"), std::string::npos) << "instances are collapsed by default";
  EXPECT_EQ(run_recordflow("graph " + demo()).out, run.out) << "same output twice";
}

TEST(GraphCommand, AllInstancesDrawsEachPractice) {
  const CommandRun run = run_recordflow("graph " + demo() + " --all-instances");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("\"gp_practice#1\""), std::string::npos);
}

TEST(GraphCommand, DotOutputRendersWithGraphviz) {
  if (std::system("command -v dot > /dev/null 2>&1") != 0) GTEST_SKIP() << "Graphviz dot is not installed";
  const std::string dot_file = temp_path("recordflow_graph.dot");
  const CommandRun run = run_recordflow("graph " + demo() + " --design messaging --all-instances");
  ASSERT_EQ(run.exit_code, 0);
  std::ofstream(dot_file) << run.out;
  EXPECT_EQ(std::system(("dot -Tsvg " + dot_file + " -o /dev/null").c_str()), 0);
  std::filesystem::remove(dot_file);
}

TEST(GraphCommand, AnalysisPrintsStructureOfEveryDesign) {
  const CommandRun run = run_recordflow("graph " + demo() + " --analysis");
  ASSERT_EQ(run.exit_code, 0);
  const auto json = nlohmann::json::parse(run.out);
  ASSERT_TRUE(json.is_object());
  ASSERT_FALSE(json.empty());
  for (const auto& [design, structure] : json.items()) {
    EXPECT_TRUE(structure.at("flows").is_array()) << design;
    EXPECT_TRUE(structure.at("no_electronic_path").is_array()) << design;
    EXPECT_TRUE(structure.at("cut_systems").is_array()) << design;
    EXPECT_GT(structure.at("organisations").get<int>(), 0) << design;
  }
  const CommandRun one = run_recordflow("graph " + demo() + " --analysis --design messaging");
  ASSERT_EQ(one.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(one.out).size(), 1u);
}

TEST(GraphCommand, UnknownDesignIsInvalidUsage) {
  const std::string err = temp_path("recordflow_graph_err");
  const CommandRun run = run_recordflow("graph " + demo() + " --design no_such_design", err);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.out.empty());
  std::filesystem::remove(err);
}

TEST(GraphCommand, InvalidScenarioPrintsDiagnosticsAndExits2) {
  const std::string bad = temp_path("recordflow_bad.json");
  const std::string err = temp_path("recordflow_bad_err");
  std::ofstream(bad) << "{\"recordflow\": 1, \"organisations\": {\"x\": {\"type\": \"hospital\"}}";
  const CommandRun run = run_recordflow("graph " + bad, err);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.out.empty());
  std::ifstream in(err);
  const std::string diagnostics((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(diagnostics.find(bad), std::string::npos) << diagnostics;
  std::filesystem::remove(bad);
  std::filesystem::remove(err);
}

// With an infrastructure section the drawing holds zones as clusters and links as hexagons, marks single
// points of failure in red, and renders; the analysis lists the national network connection, a cut point
// of the platform, with the flows through MESH that depend on it.
TEST(GraphCommand, MarksInfrastructureSinglePointsOfFailure) {
  const std::string scenario = std::string(RECORDFLOW_SOURCE_DIR) + "/scenarios/region_supplier_outage.json";
  const CommandRun dot = run_recordflow("graph " + scenario + " --design messaging");
  ASSERT_EQ(dot.exit_code, 0);
  EXPECT_NE(dot.out.find("subgraph \"cluster_zone:gp_supplier_a_data_centre\""), std::string::npos);
  EXPECT_NE(dot.out.find("\"link:national_hscn\" [shape=hexagon"), std::string::npos);
  EXPECT_NE(dot.out.find("// link national_hscn: cut point, single point of failure for"), std::string::npos);
  if (std::system("command -v dot > /dev/null 2>&1") == 0) {
    const std::string dot_file = temp_path("recordflow_infrastructure.dot");
    std::ofstream(dot_file) << dot.out;
    EXPECT_EQ(std::system(("dot -Tsvg " + dot_file + " -o /dev/null").c_str()), 0);
    std::filesystem::remove(dot_file);
  }
  const CommandRun analysis = run_recordflow("graph " + scenario + " --analysis --design messaging");
  ASSERT_EQ(analysis.exit_code, 0);
  const nlohmann::json structure = nlohmann::json::parse(analysis.out);
  const nlohmann::json& points = structure.at("messaging").at("infrastructure_single_points_of_failure");
  bool national = false;
  for (const auto& p : points) {
    if (p.at("element").get<std::string>() != "national_hscn") continue;
    national = p.at("kind").get<std::string>() == "link" && p.at("articulation_point").get<bool>() &&
               !p.at("flows").empty();
  }
  EXPECT_TRUE(national) << points.dump(1);
  // The demo declares no infrastructure: its analysis keeps its former shape.
  const auto demo_analysis = nlohmann::json::parse(run_recordflow("graph " + demo() + " --analysis").out);
  for (const auto& [design, structure] : demo_analysis.items())
    EXPECT_FALSE(structure.contains("infrastructure_single_points_of_failure")) << design;
}

}  // namespace
