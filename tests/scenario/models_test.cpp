// Every model part under models/ passes composition and the schema; every scenario under scenarios/ is
// valid for every design and builds. The directories are listed at test time, so new files are covered.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "TestPaths.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace recordflow {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> json_files(const fs::path& dir, bool recursive) {
  std::vector<fs::path> files;
  if (!fs::exists(dir)) return files;
  auto add = [&](const fs::directory_entry& e) {
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  };
  if (recursive)
    for (const auto& e : fs::recursive_directory_iterator(dir)) add(e);
  else
    for (const auto& e : fs::directory_iterator(dir)) add(e);
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Models, EveryModelPartIsValid) {
  for (const auto& file : json_files(test::source_dir() / "models", true)) {
    SCOPED_TRACE(file.string());
    const auto diagnostics = check_model_part(file.string());
    EXPECT_TRUE(diagnostics.empty()) << format_diagnostics(diagnostics);
  }
}

TEST(Scenarios, EveryScenarioIsValidForEveryDesign) {
  for (const auto& file : json_files(test::source_dir() / "scenarios", false)) {
    SCOPED_TRACE(file.string());
    const auto loaded = load_scenario(file.string());
    EXPECT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
    if (!loaded.ok()) continue;
    EXPECT_FALSE(loaded.designs.empty());
    for (const auto& design : loaded.designs) {
      const Scenario s = build_scenario(loaded.resolved, design, file.string());
      EXPECT_FALSE(s.organisations.empty());
      EXPECT_FALSE(s.pathways.empty());
    }
  }
}

TEST(Fixtures, EveryFixtureScenarioIsValid) {
  for (const auto& file : json_files(test::source_dir() / "tests/scenario/fixtures", false)) {
    SCOPED_TRACE(file.string());
    const auto loaded = load_scenario(file.string());
    EXPECT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  }
}

}  // namespace
}  // namespace recordflow
