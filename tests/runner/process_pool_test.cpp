#include "runner/ProcessPool.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>

namespace recordflow {
namespace fs = std::filesystem;

namespace {
ProcessSpec shell(const std::string& script, const fs::path& log) {
  return {{"/bin/sh", "-c", script}, log};
}
fs::path log_dir() {
  const auto dir = fs::temp_directory_path() / ("recordflow-pool-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}
}  // namespace

TEST(ProcessPool, RunsAllAndReportsExitCodes) {
  const auto dir = log_dir();
  std::vector<ProcessSpec> specs;
  for (int i = 0; i < 6; ++i)
    specs.push_back(shell("echo hello " + std::to_string(i) + "; exit 0", dir / ("p" + std::to_string(i))));
  int done = 0;
  PoolOptions options;
  options.jobs = 3;
  const auto outcomes =
      run_processes(specs, options, {{}, [&](std::size_t, const ProcessOutcome&) { ++done; }, {}});
  EXPECT_EQ(done, 6);
  for (const auto& o : outcomes) EXPECT_TRUE(o.ok()) << o.describe();
  fs::remove_all(dir);
}

TEST(ProcessPool, ReportsCrashAndStopsStartingNewWork) {
  const auto dir = log_dir();
  std::vector<ProcessSpec> specs{shell("kill -SEGV $$", dir / "a"), shell("exit 0", dir / "b"),
                                 shell("exit 0", dir / "c")};
  PoolOptions options;
  options.jobs = 1;
  const auto outcomes = run_processes(specs, options);
  EXPECT_EQ(outcomes[0].status, ProcessOutcome::Status::signalled);
  EXPECT_EQ(outcomes[0].signal, SIGSEGV);
  EXPECT_NE(outcomes[0].describe().find("signal 11"), std::string::npos);
  EXPECT_EQ(outcomes[1].status, ProcessOutcome::Status::not_started);
  fs::remove_all(dir);
}

TEST(ProcessPool, NonZeroExitIsAFailure) {
  const auto dir = log_dir();
  const auto outcomes = run_processes({shell("echo broken >&2; exit 3", dir / "a")}, PoolOptions{});
  EXPECT_EQ(outcomes[0].status, ProcessOutcome::Status::exited);
  EXPECT_EQ(outcomes[0].exit_code, 3);
  EXPECT_FALSE(outcomes[0].ok());
  fs::remove_all(dir);
}

TEST(ProcessPool, KillsOnTimeout) {
  const auto dir = log_dir();
  PoolOptions options;
  options.timeout_seconds = 0.3;
  const auto outcomes = run_processes({shell("sleep 30", dir / "a")}, options);
  EXPECT_EQ(outcomes[0].status, ProcessOutcome::Status::timed_out);
  EXPECT_LT(outcomes[0].wall_seconds, 10);
  fs::remove_all(dir);
}

TEST(ProcessPool, StopFlagCancelsRunningAndPending) {
  const auto dir = log_dir();
  std::atomic<bool> stop{false};
  PoolOptions options;
  options.jobs = 2;
  options.stop = &stop;
  options.tick_seconds = 0.05;
  int ticks = 0;
  PoolCallbacks callbacks;
  callbacks.on_tick = [&] {
    if (++ticks == 3) stop = true;
  };
  const auto outcomes = run_processes(
      {shell("sleep 30", dir / "a"), shell("sleep 30", dir / "b"), shell("sleep 30", dir / "c")}, options,
      callbacks);
  EXPECT_EQ(outcomes[0].status, ProcessOutcome::Status::cancelled);
  EXPECT_EQ(outcomes[1].status, ProcessOutcome::Status::cancelled);
  EXPECT_EQ(outcomes[2].status, ProcessOutcome::Status::cancelled);
  fs::remove_all(dir);
}

TEST(ProcessPool, MissingExecutableIsReported) {
  const auto dir = log_dir();
  const auto outcomes = run_processes({{{"/nonexistent/recordflow"}, dir / "a"}}, PoolOptions{});
  EXPECT_EQ(outcomes[0].status, ProcessOutcome::Status::spawn_failed);
  fs::remove_all(dir);
}

}  // namespace recordflow
