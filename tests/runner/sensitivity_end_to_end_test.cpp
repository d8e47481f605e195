// End-to-end: `recordflow sensitivity` (Morris screening) on the demo at a short horizon: every input of
// every headline difference gets its elementary effects, ranked, and an input no design uses has none.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "RunBinary.hpp"
#include "runner/AtomicFile.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using nlohmann::json;

TEST(SensitivityEndToEnd, ScreensEveryInputOfEveryDifference) {
  const auto out = fs::temp_directory_path() / ("recordflow-sens-" + std::to_string(::getpid()));
  fs::remove_all(out);
  const auto r = testing::run_binary({"sensitivity",
                                      "scenarios/demo.json",
                                      "--out",
                                      out.string(),
                                      "--trajectories",
                                      "2",
                                      "--replications",
                                      "1",
                                      "--jobs",
                                      "2",
                                      "--quiet",
                                      "--design",
                                      "today",
                                      "--design",
                                      "shared_record",
                                      "--metric",
                                      "gap_rate",
                                      "--set",
                                      "/experiment/horizon=12 d",
                                      "--set",
                                      "/experiment/warm_up=2 d",
                                      "--sobol-base",
                                      "0",
                                      "--switch-grid",
                                      "0"},
                                     out.string() + ".log");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json s = json::parse(read_file(out / "sensitivity.json"));
  ASSERT_EQ(s["differences"].size(), 1u);
  const json& d = s["differences"][0];
  EXPECT_EQ(d["design"], "shared_record");
  EXPECT_EQ(d["metric"], "gap_rate");
  ASSERT_GE(d["inputs"].size(), 6u);
  for (std::size_t i = 1; i < d["inputs"].size(); ++i)
    EXPECT_GE(d["inputs"][i - 1]["mu_star"].get<double>(), d["inputs"][i]["mu_star"].get<double>());
  // The demo's designs never open a portal: its look probability cannot move any difference.
  for (const auto& input : d["inputs"]) {
    if (input["pointer"] == "/access_profiles/portal/look_probability") {
      EXPECT_EQ(input["mu_star"].get<double>(), 0);
    }
  }
  EXPECT_GT(d["inputs"][0]["mu_star"].get<double>(), 0);
  fs::remove_all(out);
}

}  // namespace recordflow

namespace recordflow {

// Two designs whose gap rates cross at a known loss probability (tests/runner/scenarios/crossing_losses.json:
// gap_rate is 0.2 for steady_message and q for variable_post, so the ranking switches at q = 0.2). Screening
// must keep only q; Sobol indices of the difference put (nearly) all its variance on q; the switching value's
// interval covers 0.2 and is narrow; running the command again keeps every stage and writes the same bytes.
TEST(SensitivityEndToEnd, SobolIndicesAndASwitchingValueThatCoversTheKnownCrossing) {
  const auto out = fs::temp_directory_path() / ("recordflow-switch-" + std::to_string(::getpid()));
  fs::remove_all(out);
  const std::vector<std::string> args{"sensitivity",
                                      "tests/runner/scenarios/crossing_losses.json",
                                      "--out",
                                      out.string(),
                                      "--trajectories",
                                      "2",
                                      "--sobol-base",
                                      "8",
                                      "--switch-grid",
                                      "5",
                                      "--replications",
                                      "3",
                                      "--jobs",
                                      "2",
                                      "--quiet",
                                      "--metric",
                                      "gap_rate",
                                      "--set",
                                      "/experiment/horizon=12 d"};
  const auto r = testing::run_binary(args, out.string() + ".log");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string first = read_file(out / "sensitivity.json");
  const json s = json::parse(first);
  const std::string loss = "/channels/variable_post/steps/0/loss_probability";
  EXPECT_EQ(s["important_inputs"], json::array({loss}));
  ASSERT_EQ(s["sobol"].size(), 1u);
  const json& q = s["sobol"][0]["inputs"][0];
  EXPECT_EQ(q["pointer"], loss);
  EXPECT_GT(q["first"].get<double>(), 0.6);
  EXPECT_GT(q["total"].get<double>(), 0.6);
  EXPECT_LE(q["first_low"].get<double>(), q["first"].get<double>());
  EXPECT_GE(q["total_high"].get<double>(), q["total"].get<double>());
  ASSERT_EQ(s["switching"].size(), 1u);
  const json& sw = s["switching"][0];
  EXPECT_EQ(sw["design"], "variable_post");
  EXPECT_EQ(sw["versus"], "steady_message");
  ASSERT_EQ(sw["crossings"].size(), 1u) << sw.dump();
  const json& c = sw["crossings"][0];
  EXPECT_LE(c["low"].get<double>(), 0.2) << c.dump();
  EXPECT_GE(c["high"].get<double>(), 0.2) << c.dump();
  EXPECT_LT(c["high"].get<double>() - c["low"].get<double>(), 0.1) << c.dump();
  EXPECT_EQ(c["better_below"], "variable_post");
  EXPECT_EQ(c["better_above"], "steady_message");

  const auto again = testing::run_binary(args, out.string() + ".log");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("kept the results in " + (out / "sobol").string()), std::string::npos)
      << again.err;
  EXPECT_EQ(read_file(out / "sensitivity.json"), first);
  fs::remove_all(out);
}

TEST(SensitivityEndToEnd, RefusesStagesItCannotEstimate) {
  const auto out = fs::temp_directory_path() / ("recordflow-switch-bad-" + std::to_string(::getpid()));
  for (const auto& [flag, value] : {std::pair{"--sobol-base", "1"}, std::pair{"--switch-grid", "1"}}) {
    const auto r = testing::run_binary({"sensitivity", "tests/runner/scenarios/crossing_losses.json", "--out",
                                        out.string(), flag, value, "--quiet"},
                                       out.string() + ".log");
    EXPECT_EQ(r.exit_code, 2) << flag;
    EXPECT_NE(r.err.find(flag), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out / "sensitivity.json"));
  }
  fs::remove_all(out);
}

}  // namespace recordflow
