// End-to-end: a run's outputs form one set (staged, locked, older sets moved aside), and compare refuses
// an incomplete set. Runs the built binary on the demo scenario at a short horizon.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "RunBinary.hpp"
#include "runner/Digest.hpp"
#include "runner/ResultsDocument.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path scratch(const std::string& name) {
  return testing::scratch_path("recordflow-life", name);
}

[[maybe_unused]] ::testing::Environment* const cleanup =
    ::testing::AddGlobalTestEnvironment(new testing::ScratchCleanup("recordflow-life"));

std::vector<std::string> short_run(const fs::path& out, std::vector<std::string> extra = {}, int jobs = 2,
                                   int replications = 2, const std::string& horizon = "10 d") {
  std::vector<std::string> args{"run",
                                "scenarios/demo.json",
                                "--out",
                                out.string(),
                                "--jobs",
                                std::to_string(jobs),
                                "--replications",
                                std::to_string(replications),
                                "--quiet",
                                "--design",
                                "today",
                                "--set",
                                "/experiment/horizon=" + horizon,
                                "--set",
                                "/experiment/warm_up=2 d"};
  if (replications == 0) args.erase(args.begin() + 6, args.begin() + 8);  // the scenario's own count
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

json load(const fs::path& file) {
  return json::parse(read_file(file));
}

// The scratch directory of the run writing to `out`, empty until it exists.
fs::path work_dir(const fs::path& out) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(out, error))
    if (entry.path().filename().string().rfind(".work-", 0) == 0) return entry.path();
  return {};
}

bool wait_for(const std::function<bool()>& condition, double seconds = 60) {
  for (int i = 0; i < seconds * 20; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}

// The pids of a process's children.
std::vector<pid_t> children_of(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) + "/children");
  std::vector<pid_t> pids;
  for (pid_t child; in >> child;) pids.push_back(child);
  return pids;
}

// Running and not a zombie.
bool process_running(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  if (!std::getline(in, stat)) return false;
  const auto close = stat.rfind(')');
  return close != std::string::npos && close + 2 < stat.size() && stat[close + 2] != 'Z';
}

std::string comparable(const fs::path& results) {
  return results_text(without_wall_time_fields(load(results)));
}

}  // namespace

TEST(RunLifecycle, AFailedWriteKeepsEveryReplicationAndMixesNothing) {
  const auto out = scratch("disk-full");
  const auto first = testing::run_binary(short_run(out, {"--seed", "1"}), out.string() + ".1");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string old_results = read_file(out / "results.json");
  // The second run's tidy files are written, then results.json fails as on a full disk.
  ::setenv("RECORDFLOW_FAIL_WRITE", "results.json", 1);
  const auto second = testing::run_binary(short_run(out, {"--seed", "2"}), out.string() + ".2");
  ::unsetenv("RECORDFLOW_FAIL_WRITE");
  EXPECT_EQ(second.exit_code, 1) << second.err;
  EXPECT_NE(second.err.find("RECORDFLOW_FAIL_WRITE"), std::string::npos) << second.err;
  EXPECT_FALSE(fs::exists(out / "results.json"));
  EXPECT_FALSE(fs::exists(out / "tidy.csv"));
  EXPECT_FALSE(fs::exists(out / "tidy.jsonl"));
  const json partial = load(out / "results.partial.json");
  EXPECT_EQ(partial["replications"].size(), 2u);
  EXPECT_EQ(partial["manifest"]["seed"], 2);
  EXPECT_FALSE(partial["manifest"]["complete"].get<bool>());
  // The older set is whole, apart.
  EXPECT_EQ(read_file(out / "previous" / "results.json"), old_results);
  EXPECT_TRUE(fs::exists(out / "previous" / "tidy.csv"));
  // compare refuses the incomplete set unless told.
  auto compared = testing::run_binary({"compare", out.string()}, out.string() + ".cmp");
  EXPECT_EQ(compared.exit_code, 2);
  EXPECT_NE(compared.err.find("incomplete result set"), std::string::npos) << compared.err;
  compared =
      testing::run_binary({"compare", out.string(), "--allow-incomplete", "--json"}, out.string() + ".cmp");
  EXPECT_EQ(compared.exit_code, 0) << compared.err;
  auto merged =
      testing::run_binary({"merge", out.string(), "--out", (out / "m").string()}, out.string() + ".m");
  EXPECT_EQ(merged.exit_code, 2);
  EXPECT_NE(merged.err.find("--allow-incomplete"), std::string::npos) << merged.err;
}

TEST(RunLifecycle, ASecondRunIntoTheSameDirectoryIsRefused) {
  const auto out = scratch("locked");
  testing::Child first(short_run(out, {}, 1, 30), out.string() + ".1");
  ASSERT_TRUE(wait_for([&] { return !work_dir(out).empty(); }));
  const auto second = testing::run_binary(short_run(out), out.string() + ".2");
  first.signal(SIGINT);
  first.wait();
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_NE(second.err.find("is in use by another run (pid "), std::string::npos) << second.err;
}

TEST(RunLifecycle, EditingTheScenarioFileDuringARunChangesNothing) {
  const auto dir = scratch("edited");
  fs::create_directories(dir);
  const fs::path scenario = dir / "scenario.json";
  const std::string demo = (fs::path(RECORDFLOW_SOURCE_DIR) / "scenarios" / "demo.json").string();
  const std::string original = R"({"recordflow": 1, "include": [")" + demo + R"("]})";
  write_file_atomically(scenario, original);
  auto args = [&](const fs::path& out) {
    return std::vector<std::string>{"run",
                                    scenario.string(),
                                    "--out",
                                    out.string(),
                                    "--jobs",
                                    "1",
                                    "--replications",
                                    "3",
                                    "--quiet",
                                    "--design",
                                    "today",
                                    "--set",
                                    "/experiment/horizon=10 d",
                                    "--set",
                                    "/experiment/warm_up=2 d"};
  };
  // Replication 1 has started (its log exists) when the file is edited; 1 and 2 must not see the edit.
  testing::Child edited(args(dir / "edited"), dir.string() + "/edited");
  ASSERT_TRUE(wait_for([&] {
    const auto work = work_dir(dir / "edited");
    return !work.empty() && fs::exists(work / "1.log");
  }));
  write_file_atomically(scenario, R"({"recordflow": 1, "include": [")" + demo + R"("], "population": 5000})");
  const auto r = edited.wait();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  write_file_atomically(scenario, original);
  const auto clean = testing::run_binary(args(dir / "clean"), dir.string() + "/clean");
  ASSERT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(comparable(dir / "edited" / "results.json"), comparable(dir / "clean" / "results.json"));
  // Provenance: the digest is that of the resolved scenario the manifest holds.
  const json manifest = load(dir / "clean" / "results.json")["manifest"];
  EXPECT_EQ(manifest["scenario_sha256"], sha256_hex(manifest["scenario"].dump()));
  EXPECT_EQ(manifest["command_line"][1], "run");
  EXPECT_EQ(manifest["command_line"][2], scenario.string());
  EXPECT_FALSE(manifest["program_commit"].get<std::string>().empty());
  EXPECT_EQ(manifest["program_version"], manifest["tool_version"]);
}

TEST(RunLifecycle, AReplicationRefusesAScenarioThatDoesNotMatchItsDigest) {
  const auto dir = scratch("digest");
  fs::create_directories(dir);
  write_file_atomically(dir / "scenario.json", R"({"recordflow": 1})");
  const auto r = testing::run_binary({"_replicate", "--resolved", (dir / "scenario.json").string(),
                                      "--sha256", sha256_hex(R"({"recordflow": 2})"), "--design", "today",
                                      "--replication", "0", "--out", (dir / "record.json").string()},
                                     dir.string() + "/log");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("differs from the expected"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "record.json"));
}

TEST(RunLifecycle, AKilledReplicationIsRunAgain) {
  const auto out = scratch("retry");
  testing::Child run(short_run(out, {}, 1, 2, "20 d"), out.string());
  std::vector<pid_t> children;
  ASSERT_TRUE(wait_for([&] { return !(children = children_of(run.pid())).empty(); }));
  ::kill(children.front(), SIGKILL);
  const auto r = run.wait();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("running it again"), std::string::npos) << r.err;
  const json results = load(out / "results.json");
  EXPECT_TRUE(results["manifest"]["complete"].get<bool>());
  EXPECT_EQ(results["replications"].size(), 2u);
  ASSERT_EQ(results["manifest"]["retried"].size(), 1u);
  EXPECT_NE(results["manifest"]["retried"][0]["reason"].get<std::string>().find("signal 9"),
            std::string::npos);
  // With no retries allowed the same kill fails the run.
  const auto strict = scratch("no-retry");
  testing::Child again(short_run(strict, {"--retries", "0"}, 1), strict.string());
  ASSERT_TRUE(wait_for([&] { return !(children = children_of(again.pid())).empty(); }));
  ::kill(children.front(), SIGKILL);
  EXPECT_EQ(again.wait().exit_code, 1);
}

TEST(RunLifecycle, ReplicationsDieWithTheirParentAndItsScratchIsRemovedLater) {
  const auto out = scratch("orphans");
  testing::Child run(short_run(out, {}, 2, 20), out.string() + ".1");
  std::vector<pid_t> children;
  ASSERT_TRUE(wait_for([&] { return (children = children_of(run.pid())).size() == 2; }));
  const fs::path scratch_dir = work_dir(out);
  run.signal(SIGKILL);
  run.wait();
  EXPECT_TRUE(wait_for([&] { return !process_running(children[0]) && !process_running(children[1]); }, 10));
  EXPECT_TRUE(fs::exists(scratch_dir));  // SIGKILL cannot be caught: the next run cleans up
  const auto next = testing::run_binary(short_run(out), out.string() + ".2");
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_NE(next.err.find("removed 1 scratch directory"), std::string::npos) << next.err;
  EXPECT_FALSE(fs::exists(scratch_dir));
}

TEST(RunLifecycle, AResumedRunEqualsOneThatNeverStopped) {
  const auto whole = scratch("whole"), resumed = scratch("resumed");
  const auto args = [](const fs::path& out) { return short_run(out, {}, 1, 3); };
  ASSERT_EQ(testing::run_binary(args(whole), whole.string()).exit_code, 0);
  // SIGHUP (a closed terminal) once replication 0 has finished (replication 1's log exists).
  testing::Child run(args(resumed), resumed.string() + ".1");
  ASSERT_TRUE(wait_for([&] {
    const auto work = work_dir(resumed);
    return !work.empty() && fs::exists(work / "1.log");
  }));
  run.signal(SIGHUP);
  const auto stopped = run.wait();
  ASSERT_EQ(stopped.exit_code, 1) << stopped.err;
  EXPECT_NE(stopped.err.find("interrupted"), std::string::npos) << stopped.err;
  EXPECT_FALSE(fs::exists(resumed / "results.json"));
  const std::size_t kept = load(resumed / "results.partial.json")["replications"].size();
  EXPECT_GE(kept, 1u);
  EXPECT_FALSE(fs::exists(work_dir(resumed)));
  const auto finished = testing::run_binary({"run", "--resume", resumed.string(), "--quiet", "--jobs", "2"},
                                            resumed.string() + ".2");
  ASSERT_EQ(finished.exit_code, 0) << finished.err;
  EXPECT_NE(finished.err.find(std::to_string(kept) + " replication(s) kept"), std::string::npos)
      << finished.err;
  EXPECT_EQ(comparable(resumed / "results.json"), comparable(whole / "results.json"));
  EXPECT_EQ(read_file(resumed / "tidy.csv"), read_file(whole / "tidy.csv"));
  EXPECT_EQ(read_file(resumed / "tidy.jsonl"), read_file(whole / "tidy.jsonl"));
  EXPECT_FALSE(fs::exists(resumed / "results.partial.json"));
  // Nothing left to resume.
  EXPECT_EQ(testing::run_binary({"run", "--resume", resumed.string()}, resumed.string() + ".3").exit_code, 2);
}

TEST(RunLifecycle, OverridesThatCannotBeRunAreRefusedWithNothingLeft) {
  const auto out = scratch("refused");
  for (const std::string set :
       {"/population=\xff", "/experiment/replications=2147483648",
        "/organisations/gp_practice/count=4294967297", "/population=0", "/experiment/horizon=1e12 y"}) {
    SCOPED_TRACE(set);
    const auto r = testing::run_binary(short_run(out, {"--set", set}, 2, 0), out.string());
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_FALSE(fs::exists(out)) << r.err;
  }
  // Too large for the machine: refused with the estimate and the limit, unless told.
  const std::vector<std::string> large{"validate", "scenarios/demo.json",
                                       "--set",    "/population=100000000",
                                       "--set",    "/experiment/horizon=100 y"};
  const auto refused = testing::run_binary(large, out.string());
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("events"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("more than the limit of"), std::string::npos) << refused.err;
  auto allowed = large;
  allowed.push_back("--allow-large");
  EXPECT_EQ(testing::run_binary(allowed, out.string()).exit_code, 0);
}

}  // namespace recordflow
