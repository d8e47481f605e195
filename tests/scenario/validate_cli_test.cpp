// `recordflow validate` and `recordflow schema` as a user runs them: exit codes, stdout and stderr.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "TestPaths.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace recordflow {
namespace {

namespace fs = std::filesystem;

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string binary() {
  const char* override_binary = std::getenv("RECORDFLOW_TEST_BINARY");
  return override_binary ? override_binary : RECORDFLOW_BINARY;
}

CommandRun run(const std::string& arguments) {
  // Tests run as parallel processes: names carry the process id so that runs never share files.
  const std::string stem = "recordflow_cli_test." + std::to_string(::getpid());
  const fs::path out = fs::temp_directory_path() / (stem + ".out");
  const fs::path err = fs::temp_directory_path() / (stem + ".err");
  const std::string command =
      "'" + binary() + "' " + arguments + " >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(command.c_str());
  CommandRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

std::string shell_quote(const fs::path& p) {
  return "'" + p.string() + "'";
}

TEST(ValidateCommand, InvalidCorpusExitsTwoWithMessagesOnStderr) {
  const auto expected = nlohmann::json::parse(std::ifstream(test::invalid_dir() / "expected.json"));
  for (const auto& [name, expect] : expected.items()) {
    SCOPED_TRACE(name);
    const CommandRun r = run("validate " + shell_quote(test::invalid_dir() / name));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_NE(r.err.find(expect["message"].get<std::string>()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
  }
}

TEST(ValidateCommand, ValidFixturePrintsASummary) {
  const CommandRun r = run("validate " + shell_quote(test::fixture("minimal.json")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("OK, 3 design(s) (today, messaging, lookup), 4 organisation(s), 1 pathway(s)"),
            std::string::npos)
      << r.out;
}

// A record system without "access" silently gets the built-in profile (clinicians always look): a
// warning on stderr, located by file and pointer; the scenario stays valid (exit 0). Naming a profile
// silences it.
TEST(ValidateCommand, WarnsWhenTheBuiltInAccessProfileApplies) {
  CommandRun r = run("validate " + shell_quote(test::fixture("minimal.json")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("minimal.json: /systems/gp_system: no \"access\": the built-in access profile"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("/systems/city_epr"), std::string::npos) << r.err;
  r = run("validate " + shell_quote(test::fixture("minimal.json")) +
          " --set /systems/gp_system/access='\"in_record\"'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("/systems/gp_system"), std::string::npos) << r.err;
}

// A scenario of people without a pre-history starts from an empty world: a warning, silenced by giving one.
TEST(ValidateCommand, WarnsWhenPeopleStartWithoutAPreHistory) {
  const std::string people = shell_quote(test::fixture("people_by_place.json"));
  CommandRun r = run("validate " + people);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("people_by_place.json: /experiment: no \"pre_history\""), std::string::npos) << r.err;
  r = run("validate " + people + " --set /experiment/pre_history='\"30 d\"'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("pre_history"), std::string::npos) << r.err;
  r = run("validate " + shell_quote(test::fixture("minimal.json")));
  EXPECT_EQ(r.err.find("pre_history"), std::string::npos) << "version 1: every arrival a new person\n"
                                                          << r.err;
}

TEST(ValidateCommand, ListsUncertainInputsAndRejectsABadOneWithItsPath) {
  const std::string demo = shell_quote(test::source_dir() / "scenarios/demo.json");
  CommandRun r = run("validate " + demo);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("uncertain input(s):"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("/access_profiles/in_context/look_probability ~ triangular(0.6, 0.8, 0.95) [looking]"),
            std::string::npos)
      << r.out;
  r = run("validate " + demo + " --set '/uncertainty/~1access_profiles~1portal~1look_probability/max=1.5'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(
      r.err.find("/uncertainty/~1access_profiles~1portal~1look_probability: a probability or share must "
                 "stay in [0, 1]"),
      std::string::npos)
      << r.err;
}

TEST(ValidateCommand, OverridesAndParts) {
  CommandRun r =
      run("validate " + shell_quote(test::fixture("minimal.json")) + " --set /experiment/warm_up='\"90 d\"'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/experiment/warm_up: the warm-up"), std::string::npos) << r.err;
  r = run("validate " + shell_quote(test::fixture("minimal.json")) + " --set /experiment/seed=7");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = run("validate " + shell_quote(test::fixture("minimal.json")) + " --set no-pointer");
  EXPECT_EQ(r.exit_code, 2);
  r = run("validate --part " + shell_quote(test::fixture("parts/channels.json")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("OK (model part)"), std::string::npos);
}

TEST(ValidateCommand, SeveralFilesReportEach) {
  const CommandRun r = run("validate " + shell_quote(test::fixture("minimal.json")) + " " +
                           shell_quote(test::invalid_dir() / "unknown_system.json"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("minimal.json: OK"), std::string::npos);
  EXPECT_NE(r.err.find("unknown system \"city_eprr\" (hint: did you mean \"city_epr\"?)"), std::string::npos)
      << r.err;
}

TEST(SchemaCommand, PrintsTheSchema) {
  const CommandRun r = run("schema");
  EXPECT_EQ(r.exit_code, 0);
  const auto printed = nlohmann::json::parse(r.out);
  EXPECT_EQ(printed, nlohmann::json::parse(scenario_schema_text()));
}

}  // namespace
}  // namespace recordflow
