// End-to-end: `recordflow select` names the best design with a stated confidence. On
// tests/runner/scenarios/crossing_losses.json with the variable post's loss set to 0.05, variable_post's gap
// rate (0.05) beats steady_message's (0.2) by 0.15, more than the indifference zone: it must be named, from
// N >= n0 replications recorded with the rule. Bad options exit 2 naming the flag and write nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "RunBinary.hpp"
#include "runner/AtomicFile.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using nlohmann::json;

TEST(SelectEndToEnd, NamesTheDesignThatIsBetterByMoreThanTheIndifferenceZone) {
  const auto out = fs::temp_directory_path() / ("recordflow-select-" + std::to_string(::getpid()));
  fs::remove_all(out);
  const auto r = testing::run_binary(
      {"select", "tests/runner/scenarios/crossing_losses.json", "--out", out.string(), "--metric", "gap_rate",
       "--indifference", "0.02", "--alpha", "0.05", "--first-stage", "3", "--jobs", "2", "--set",
       "/experiment/horizon=10 d", "--set", "/channels/variable_post/steps/0/loss_probability=0.05"},
      out.string() + ".log");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json s = json::parse(read_file(out / "selection.json"));
  EXPECT_EQ(s["best"], "variable_post");
  EXPECT_EQ(s["larger_is_better"], false);
  EXPECT_GE(s["replications"].get<int>(), 3);
  ASSERT_EQ(s["designs"].size(), 2u);
  EXPECT_LT(s["designs"][1]["mean"].get<double>(), s["designs"][0]["mean"].get<double>());
  EXPECT_NE(r.out.find("variable_post is best on gap_rate"), std::string::npos) << r.out;
  const json results = json::parse(read_file(out / "results.json"));
  EXPECT_EQ(results["manifest"]["replications"]["variable_post"], s["replications"]);
  fs::remove_all(out);
}

TEST(SelectEndToEnd, BadOptionsExit2NamingTheFlag) {
  const auto out = fs::temp_directory_path() / ("recordflow-select-bad-" + std::to_string(::getpid()));
  fs::remove_all(out);
  for (const auto& [flag, value] : {std::pair{"--indifference", "0"}, std::pair{"--alpha", "1.5"},
                                    std::pair{"--alpha", "0"}, std::pair{"--first-stage", "1"}}) {
    std::vector<std::string> args{"select", "tests/runner/scenarios/crossing_losses.json", "--out",
                                  out.string(), "--quiet"};
    if (std::string(flag) != "--indifference") args.insert(args.end(), {"--indifference", "0.02"});
    args.insert(args.end(), {flag, value});
    const auto r = testing::run_binary(args, out.string() + ".log");
    EXPECT_EQ(r.exit_code, 2) << flag << " " << value;
    EXPECT_NE(r.err.find(flag), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out / "selection.json"));
  }
  fs::remove_all(out);
}

}  // namespace recordflow
