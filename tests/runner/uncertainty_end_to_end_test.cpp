// End-to-end: `recordflow uncertainty` on the demo at a short horizon (4 parameter sets, 2 replications):
// the analysis is complete, deterministic for a seed whatever --jobs, and bad requests exit 2.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "RunBinary.hpp"
#include "runner/AtomicFile.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path scratch(const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("recordflow-unc-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir.parent_path());
  return dir;
}

std::vector<std::string> demo_uncertainty(const fs::path& out, int jobs,
                                          std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"uncertainty",
                                "scenarios/demo.json",
                                "--out",
                                out.string(),
                                "--jobs",
                                std::to_string(jobs),
                                "--sets",
                                "4",
                                "--replications",
                                "2",
                                "--quiet",
                                "--set",
                                "/experiment/horizon=12 d",
                                "--set",
                                "/experiment/warm_up=2 d"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

}  // namespace

TEST(UncertaintyEndToEnd, AnalysesEveryDesignAtEverySetDeterministically) {
  const auto one = scratch("j1"), two = scratch("j2");
  auto r = testing::run_binary(demo_uncertainty(one, 1), one.string() + ".log");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = testing::run_binary(demo_uncertainty(two, 2), two.string() + ".log");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = read_file(one / "uncertainty.json");
  EXPECT_EQ(text, read_file(two / "uncertainty.json"));
  const json a = json::parse(text);
  ASSERT_EQ(a["parameter_sets"].size(), 4u);
  EXPECT_GE(a["inputs"].size(), 6u);
  for (const auto& metric : a["metrics"]) {
    double total = 0;
    ASSERT_EQ(metric["designs"].size(), 3u);
    for (const auto& d : metric["designs"]) total += d["probability_best"].get<double>();
    EXPECT_NEAR(total, 1.0, 1e-12) << metric["metric"];
    EXPECT_GE(metric["evpi"].get<double>(), 0);
    for (const auto& g : metric["evppi"])
      EXPECT_LE(g["evppi"].get<double>(), metric["evpi"].get<double>() + 1e-12);
    EXPECT_EQ(metric["differences"].size(), 6u);
  }
  // The run behind it is an ordinary results document whose points are the sets.
  const json results = json::parse(read_file(one / "results.json"));
  EXPECT_EQ(results["manifest"]["points"][2]["factors"], a["parameter_sets"][2]["values"]);
  // Analysing that document again (as after merging shards) gives the same bytes.
  const auto again = scratch("from");
  r = testing::run_binary(demo_uncertainty(again, 1, {"--from", one.string()}), again.string() + ".log");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(again / "uncertainty.json"), text);
  // ...but not with another sample.
  r = testing::run_binary(demo_uncertainty(again, 1, {"--from", one.string(), "--seed", "5"}),
                          again.string() + ".log");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/manifest/points"), std::string::npos) << r.err;
}

TEST(UncertaintyEndToEnd, ScenarioWithoutUncertainInputsOrBadEntryExitsTwoWritingNothing) {
  const auto out = scratch("none");
  auto r = testing::run_binary({"uncertainty", "tests/scenario/fixtures/minimal.json", "--out", out.string()},
                               out.string() + ".log");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("declares no uncertain inputs"), std::string::npos) << r.err;
  r = testing::run_binary(
      demo_uncertainty(out, 1, {"--set", "/uncertainty/~1access_profiles~1portal~1look_probability/min=0.9"}),
      out.string() + ".log");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("exceeds its high end"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace recordflow
