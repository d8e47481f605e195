#include "runner/ProcessPool.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

extern char** environ;

namespace recordflow {
namespace {

using Clock = std::chrono::steady_clock;

struct Running {
  std::size_t index = 0;
  pid_t pid = -1;
  Clock::time_point started;
  bool timed_out = false;
  bool cancelled = false;
  Clock::time_point kill_deadline;  // SIGKILL after this when a SIGTERM was sent
  bool term_sent = false;
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Spawns one child in its own process group with default signal dispositions.
pid_t spawn(const ProcessSpec& spec, int* error) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, spec.log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int sig : {SIGINT, SIGTERM, SIGPIPE, SIGHUP}) sigaddset(&defaults, sig);
  sigset_t empty;
  sigemptyset(&empty);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setsigmask(&attr, &empty);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> argv;
  for (const auto& arg : spec.argv) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  *error = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  return *error == 0 ? pid : -1;
}

}  // namespace

std::string ProcessOutcome::describe() const {
  switch (status) {
    case Status::not_started:
      return "not started";
    case Status::exited:
      return "exit code " + std::to_string(exit_code);
    case Status::signalled:
      return "killed by signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
    case Status::timed_out:
      return "timed out after " + std::to_string(static_cast<long>(wall_seconds)) + " s";
    case Status::cancelled:
      return "cancelled";
    case Status::spawn_failed:
      return "could not be started";
  }
  return "unknown";
}

std::vector<ProcessOutcome> run_processes(const std::vector<ProcessSpec>& specs, const PoolOptions& options,
                                          const PoolCallbacks& callbacks) {
  std::vector<ProcessOutcome> outcomes(specs.size());
  std::vector<Running> running;
  std::size_t next = 0;
  bool failed = false;
  const int jobs = std::max(options.jobs, 1);
  auto last_tick = Clock::now();
  const auto stopping = [&] { return options.stop && options.stop->load(); };

  while (next < specs.size() || !running.empty()) {
    const bool halt = stopping() || (failed && options.stop_on_failure);
    while (!halt && next < specs.size() && static_cast<int>(running.size()) < jobs) {
      const std::size_t index = next++;
      int error = 0;
      const pid_t pid = spawn(specs[index], &error);
      if (pid < 0) {
        outcomes[index].status = ProcessOutcome::Status::spawn_failed;
        outcomes[index].exit_code = error;
        failed = true;
        if (callbacks.on_done) callbacks.on_done(index, outcomes[index]);
        break;
      }
      Running child;
      child.index = index;
      child.pid = pid;
      child.started = Clock::now();
      running.push_back(child);
      if (callbacks.on_start) callbacks.on_start(index);
    }
    if (halt && running.empty()) break;

    for (auto& child : running) {
      const auto now = Clock::now();
      if (stopping() && !child.cancelled && !child.timed_out) {
        child.cancelled = true;
        ::kill(child.pid, SIGTERM);
        child.term_sent = true;
        child.kill_deadline = now + std::chrono::seconds(2);
      }
      if (options.timeout_seconds > 0 && !child.timed_out && !child.cancelled &&
          seconds_since(child.started) > options.timeout_seconds) {
        child.timed_out = true;
        ::kill(child.pid, SIGKILL);
      }
      if (child.term_sent && now > child.kill_deadline) ::kill(child.pid, SIGKILL);
    }

    bool reaped = false;
    for (auto it = running.begin(); it != running.end();) {
      int status = 0;
      const pid_t r = ::waitpid(it->pid, &status, WNOHANG);
      if (r == 0 || (r < 0 && errno == EINTR)) {
        ++it;
        continue;
      }
      ProcessOutcome& outcome = outcomes[it->index];
      outcome.wall_seconds = seconds_since(it->started);
      if (it->cancelled) {
        outcome.status = ProcessOutcome::Status::cancelled;
      } else if (it->timed_out) {
        outcome.status = ProcessOutcome::Status::timed_out;
      } else if (r > 0 && WIFEXITED(status)) {
        outcome.status = ProcessOutcome::Status::exited;
        outcome.exit_code = WEXITSTATUS(status);
      } else if (r > 0 && WIFSIGNALED(status)) {
        outcome.status = ProcessOutcome::Status::signalled;
        outcome.signal = WTERMSIG(status);
      } else {
        outcome.status = ProcessOutcome::Status::signalled;
      }
      if (!outcome.ok() && outcome.status != ProcessOutcome::Status::cancelled) failed = true;
      const std::size_t index = it->index;
      it = running.erase(it);
      reaped = true;
      if (callbacks.on_done) callbacks.on_done(index, outcome);
    }
    if (!reaped) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (callbacks.on_tick && seconds_since(last_tick) >= options.tick_seconds) {
      last_tick = Clock::now();
      callbacks.on_tick();
    }
  }
  for (std::size_t i = next; i < specs.size(); ++i)
    if (stopping()) outcomes[i].status = ProcessOutcome::Status::cancelled;
  return outcomes;
}

std::filesystem::path current_executable() {
  std::error_code error;
  auto path = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path("/proc/self/exe") : path;
}

int available_cores() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace recordflow
