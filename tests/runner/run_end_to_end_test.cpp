// End-to-end: the built binary runs the demo scenario at a short horizon (20 days, 2 replications).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "RunBinary.hpp"
#include "SchemaCheck.hpp"
#include "runner/ResultsDocument.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path scratch(const std::string& name) {
  return testing::scratch_path("recordflow-e2e", name);
}

std::vector<std::string> demo_run(const fs::path& out, int jobs, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"run",
                                "scenarios/demo.json",
                                "--out",
                                out.string(),
                                "--jobs",
                                std::to_string(jobs),
                                "--replications",
                                "2",
                                "--quiet",
                                "--set",
                                "/experiment/horizon=20 d",
                                "--set",
                                "/experiment/warm_up=2 d"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

json load(const fs::path& file) {
  return json::parse(read_file(file));
}

[[maybe_unused]] ::testing::Environment* const cleanup =
    ::testing::AddGlobalTestEnvironment(new testing::ScratchCleanup("recordflow-e2e"));

bool has_temporary_files(const fs::path& dir) {
  if (!fs::exists(dir)) return false;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.find(".tmp.") != std::string::npos || name.rfind(".work-", 0) == 0) return true;
  }
  return false;
}

}  // namespace

TEST(RunEndToEnd, SameResultsForAnyNumberOfJobs) {
  const auto one = scratch("jobs1"), two = scratch("jobs2");
  const auto a = testing::run_binary(demo_run(one, 1), one.string() + ".log");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const auto b = testing::run_binary(demo_run(two, 2), two.string() + ".log");
  ASSERT_EQ(b.exit_code, 0) << b.err;
  const json ra = load(one / "results.json"), rb = load(two / "results.json");
  EXPECT_EQ(results_text(without_wall_time_fields(ra)), results_text(without_wall_time_fields(rb)));
  EXPECT_EQ(read_file(one / "tidy.csv"), read_file(two / "tidy.csv"));
  EXPECT_EQ(read_file(one / "tidy.jsonl"), read_file(two / "tidy.jsonl"));
  EXPECT_TRUE(ra["manifest"]["complete"].get<bool>());
  EXPECT_EQ(ra["replications"].size(), 2u * ra["manifest"]["designs"].size());
  EXPECT_FALSE(has_temporary_files(one));
  EXPECT_EQ(testing::schema_errors(ra), "");
}

TEST(RunEndToEnd, IdenticalDesignsCompareToExactlyZero) {
  const json demo = load(fs::path(RECORDFLOW_SOURCE_DIR) / "scenarios/demo.json");
  const auto out = scratch("twins");
  const auto r =
      testing::run_binary(demo_run(out, 2,
                                   {"--set", "/designs/today_again=" + demo["designs"]["today"].dump(),
                                    "--design", "today", "--design", "today_again"}),
                          out.string() + ".log");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json results = load(out / "results.json");
  ASSERT_FALSE(results["comparisons"].empty());
  for (const auto& c : results["comparisons"]) {
    EXPECT_EQ(c["mean_difference"].get<double>(), 0.0) << c.dump();
    if (c["n"].get<int>() < 2) {  // a metric only one replication reported: no interval
      EXPECT_TRUE(c["ci_low"].is_null()) << c.dump();
      continue;
    }
    EXPECT_EQ(c["ci_low"].get<double>(), 0.0) << c.dump();
    EXPECT_EQ(c["ci_high"].get<double>(), 0.0) << c.dump();
  }
  const auto compared =
      testing::run_binary({"compare", (out / "results.json").string(), "--json"}, out.string() + ".cmp");
  ASSERT_EQ(compared.exit_code, 0) << compared.err;
  for (const auto& c : json::parse(compared.out)) EXPECT_EQ(c["mean_difference"].get<double>(), 0.0);
}

TEST(RunEndToEnd, InvalidScenarioWritesNothing) {
  const auto out = scratch("invalid");
  auto r = testing::run_binary({"run", "scenarios/no-such-scenario.json", "--out", out.string()},
                               out.string() + ".log");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(r.err.empty());
  EXPECT_FALSE(fs::exists(out));
  r = testing::run_binary(demo_run(out, 1, {"--set", "/experiment/horizon=-3 banana"}),
                          out.string() + ".log");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(fs::exists(out));
  r = testing::run_binary(demo_run(out, 1, {"--design", "no_such_design"}), out.string() + ".log");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST(RunEndToEnd, TimedOutReplicationFailsCleanly) {
  const auto out = scratch("timeout");
  const auto r = testing::run_binary(demo_run(out, 1, {"--timeout", "0.001"}), out.string() + ".log");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("replication failed: design "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("seed 42"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out / "results.json"));
  EXPECT_FALSE(has_temporary_files(out));
}

TEST(RunEndToEnd, InterruptLeavesNoTruncatedFile) {
  const auto out = scratch("interrupt");
  testing::Child child({"run", "scenarios/demo.json", "--out", out.string(), "--jobs", "1", "--replications",
                        "20", "--quiet", "--set", "/experiment/warm_up=2 d"},
                       out.string() + ".log");
  // Wait until replications are running (the work directory exists), let some finish, then Ctrl-C.
  const auto running = [&] {
    if (!fs::exists(out)) return false;
    for (const auto& entry : fs::directory_iterator(out))
      if (entry.path().filename().string().rfind(".work-", 0) == 0) return true;
    return false;
  };
  for (int i = 0; i < 600 && !running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::this_thread::sleep_for(std::chrono::milliseconds(2000));
  child.signal(SIGINT);
  const auto r = child.wait();
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("interrupted"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out / "results.json"));
  EXPECT_FALSE(has_temporary_files(out));
  if (fs::exists(out / "results.partial.json")) {
    const json partial = load(out / "results.partial.json");  // parses: not truncated
    EXPECT_FALSE(partial["manifest"]["complete"].get<bool>());
    EXPECT_FALSE(partial["manifest"]["missing"].empty());
  }
}

TEST(RunEndToEnd, ShardsMergeIntoTheSameResults) {
  const auto whole = scratch("whole"), s1 = scratch("shard1"), s2 = scratch("shard2"),
             merged = scratch("merged");
  ASSERT_EQ(testing::run_binary(demo_run(whole, 2), whole.string() + ".log").exit_code, 0);
  ASSERT_EQ(testing::run_binary(demo_run(s1, 1, {"--shard", "1/2"}), s1.string() + ".log").exit_code, 0);
  // Only shard 1: the merge names shard 2 as missing and writes a partial document.
  auto m = testing::run_binary({"merge", s1.string(), "--out", merged.string()}, merged.string() + ".log");
  EXPECT_EQ(m.exit_code, 1);
  EXPECT_NE(m.err.find("missing shard 2/2"), std::string::npos) << m.err;
  EXPECT_NE(m.err.find("--shard 2/2"), std::string::npos) << m.err;
  EXPECT_FALSE(fs::exists(merged / "results.json"));
  ASSERT_EQ(testing::run_binary(demo_run(s2, 1, {"--shard", "2/2"}), s2.string() + ".log").exit_code, 0);
  m = testing::run_binary({"merge", s2.string(), s1.string(), "--out", merged.string()},
                          merged.string() + ".log");
  ASSERT_EQ(m.exit_code, 0) << m.err;
  EXPECT_EQ(results_text(without_wall_time_fields(load(merged / "results.json"))),
            results_text(without_wall_time_fields(load(whole / "results.json"))));
  EXPECT_FALSE(fs::exists(merged / "results.partial.json"));
}

TEST(RunEndToEnd, AdaptiveReplicationsDoNotDependOnJobs) {
  const std::string rule =
      R"(/experiment/replications={"min": 2, "max": 5, "target_relative_half_width": 0.3, "metrics": ["gap_rate"]})";
  std::vector<std::string> base{"run",
                                "scenarios/demo.json",
                                "--quiet",
                                "--design",
                                "shared_record",
                                "--set",
                                "/experiment/horizon=10 d",
                                "--set",
                                "/experiment/warm_up=2 d",
                                "--set",
                                rule};
  const auto one = scratch("adaptive1"), three = scratch("adaptive3");
  auto args = base;
  args.insert(args.end(), {"--out", one.string(), "--jobs", "1"});
  ASSERT_EQ(testing::run_binary(args, one.string() + ".log").exit_code, 0);
  args = base;
  args.insert(args.end(), {"--out", three.string(), "--jobs", "3"});
  ASSERT_EQ(testing::run_binary(args, three.string() + ".log").exit_code, 0);
  const json a = load(one / "results.json"), b = load(three / "results.json");
  EXPECT_EQ(results_text(without_wall_time_fields(a)), results_text(without_wall_time_fields(b)));
  const int n = a["manifest"]["replications"]["shared_record"].get<int>();
  EXPECT_GE(n, 2);
  EXPECT_LE(n, 5);
  EXPECT_EQ(a["replications"].size(), static_cast<std::size_t>(n));
  EXPECT_EQ(a["manifest"]["adaptive"]["max"], 5);
}

TEST(RunEndToEnd, SweepRecordsItsPoints) {
  const auto out = scratch("sweep");
  const auto r =
      testing::run_binary({"sweep", "scenarios/demo.json", "--factor", "/population=20000,40000", "--out",
                           out.string(), "--replications", "2", "--quiet", "--design", "today", "--set",
                           "/experiment/horizon=10 d", "--set", "/experiment/warm_up=2 d"},
                          out.string() + ".log");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json results = load(out / "results.json");
  ASSERT_EQ(results["manifest"]["points"].size(), 2u);
  EXPECT_EQ(results["manifest"]["points"][1]["factors"]["/population"], 40000);
  EXPECT_EQ(results["replications"].size(), 4u);
  EXPECT_EQ(testing::schema_errors(results), "");
  const std::string csv = read_file(out / "tidy.csv");
  EXPECT_EQ(csv.rfind("point,/population,design,", 0), 0u) << csv.substr(0, 200);
}

}  // namespace recordflow
