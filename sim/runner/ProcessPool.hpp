// ProcessPool: runs child processes (one replication each; SimGrid's engine is one per process) at most
// `jobs` at a time, with posix_spawn. Each child gets its own process group, stdout and stderr go to
// its log file, and it is killed when it exceeds the time limit or when the caller asks to stop (e.g.
// Ctrl-C). Single-threaded: the caller's thread polls the children and runs every callback.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace recordflow {

struct ProcessSpec {
  std::vector<std::string> argv;  // argv[0] is the executable path
  std::filesystem::path log;      // receives the child's stdout and stderr
};

struct ProcessOutcome {
  enum class Status { not_started, exited, signalled, timed_out, cancelled, spawn_failed };
  Status status = Status::not_started;
  int exit_code = -1;  // for exited
  int signal = 0;      // for signalled
  double wall_seconds = 0;
  bool ok() const { return status == Status::exited && exit_code == 0; }
  std::string describe() const;  // "exit code 1", "killed by signal 11 (Segmentation fault)", ...
};

struct PoolOptions {
  int jobs = 1;
  double timeout_seconds = 0;               // per process; 0 = no limit
  const std::atomic<bool>* stop = nullptr;  // when it becomes true: start nothing more, kill the running
  bool stop_on_failure = true;              // after a failure start nothing more; the running finish
  double tick_seconds = 0.25;               // how often on_tick runs while waiting
};

struct PoolCallbacks {
  std::function<void(std::size_t index)> on_start;
  std::function<void(std::size_t index, const ProcessOutcome&)> on_done;
  std::function<void()> on_tick;
};

// Runs `specs` in index order. Returns one outcome per spec (not_started for those never launched).
std::vector<ProcessOutcome> run_processes(const std::vector<ProcessSpec>& specs, const PoolOptions& options,
                                          const PoolCallbacks& callbacks = {});

// The path of the running executable (resolved /proc/self/exe).
std::filesystem::path current_executable();

// Number of processor cores available (>= 1).
int available_cores();

}  // namespace recordflow
