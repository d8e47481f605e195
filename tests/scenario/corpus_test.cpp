// The invalid corpus through the API: every file in tests/scenario/invalid/expected.json is rejected with
// the expected message at the expected pointer (and hint, when listed).
#include <gtest/gtest.h>

#include <fstream>

#include "TestPaths.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace recordflow {
namespace {

nlohmann::json expected_corpus() {
  std::ifstream in(test::invalid_dir() / "expected.json");
  return nlohmann::json::parse(in);
}

TEST(InvalidCorpus, HasAtLeast25Cases) {
  EXPECT_GE(expected_corpus().size(), 25u);
}

TEST(InvalidCorpus, EveryFileIsRejectedAsExpected) {
  const nlohmann::json corpus = expected_corpus();
  for (const auto& [name, expect] : corpus.items()) {
    SCOPED_TRACE(name);
    const auto loaded = load_scenario((test::invalid_dir() / name).string());
    ASSERT_FALSE(loaded.ok());
    bool found = false;
    for (const auto& d : loaded.diagnostics) {
      if (d.message.find(expect["message"].get<std::string>()) == std::string::npos) continue;
      if (d.pointer != expect["pointer"].get<std::string>()) continue;
      if (expect.contains("hint") && d.hint.find(expect["hint"].get<std::string>()) == std::string::npos)
        continue;
      found = true;
    }
    EXPECT_TRUE(found) << "expected " << expect.dump() << "\ngot:\n"
                       << format_diagnostics(loaded.diagnostics);
  }
}

TEST(InvalidCorpus, LongStringsDoNotCrashPatternMatching) {
  nlohmann::json doc = nlohmann::json::parse(std::ifstream(test::fixture("minimal.json")));
  const auto path = std::filesystem::temp_directory_path() / "recordflow_long_string.json";
  doc["include"] = nlohmann::json::array();
  doc["experiment"]["horizon"] = std::string(200000, '9') + " d";
  std::ofstream(path) << doc.dump();
  const auto loaded = load_scenario(path.string());
  std::filesystem::remove(path);
  EXPECT_FALSE(loaded.ok());
}

}  // namespace
}  // namespace recordflow
