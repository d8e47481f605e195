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

namespace {

struct CommandRun {
  int exit_code = -1;
  std::string out;
};

// Runs the binary with `arguments`, capturing stdout; stderr goes to `stderr_file` when given.
CommandRun run_recordflow(const std::string& arguments, const std::string& stderr_file = "/dev/null") {
  const std::string command = std::string(RECORDFLOW_BINARY) + " " + arguments + " 2>" + stderr_file;
  CommandRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string demo() {
  return std::string(RECORDFLOW_SOURCE_DIR) + "/scenarios/demo.json";
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()))).string();
}

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

}  // namespace
