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
                                      "/experiment/warm_up=2 d"},
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
