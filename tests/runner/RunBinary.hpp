// RunBinary: starts the built `recordflow` binary (RECORDFLOW_BINARY) from the repository root with
// given arguments, stdout and stderr captured to files, for end-to-end tests.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "runner/AtomicFile.hpp"

extern char** environ;

namespace recordflow::testing {

struct Invocation {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class Child {
 public:
  Child(const std::vector<std::string>& args, const std::filesystem::path& capture) : capture_(capture) {
    std::vector<std::string> argv{RECORDFLOW_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (auto& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, (capture.string() + ".out").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, (capture.string() + ".err").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addchdir_np(&actions, RECORDFLOW_SOURCE_DIR);
    if (posix_spawn(&pid_, raw[0], &actions, nullptr, raw.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
  }
  void signal(int sig) const { ::kill(pid_, sig); }
  pid_t pid() const { return pid_; }
  Invocation wait() {
    Invocation result;
    int status = 0;
    if (pid_ > 0 && ::waitpid(pid_, &status, 0) == pid_ && WIFEXITED(status))
      result.exit_code = WEXITSTATUS(status);
    result.out = read_file(capture_.string() + ".out");
    result.err = read_file(capture_.string() + ".err");
    return result;
  }

 private:
  std::filesystem::path capture_;
  pid_t pid_ = -1;
};

// A fresh directory <tmp>/<prefix>-<pid>/<name> (its parent created, itself absent).
inline std::filesystem::path scratch_path(const std::string& prefix, const std::string& name) {
  const auto dir =
      std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(::getpid())) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir.parent_path());
  return dir;
}

// Removes <tmp>/<prefix>-<pid> when the test program ends (register with AddGlobalTestEnvironment).
class ScratchCleanup : public ::testing::Environment {
 public:
  explicit ScratchCleanup(std::string prefix) : prefix_(std::move(prefix)) {}
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(
        std::filesystem::temp_directory_path() / (prefix_ + "-" + std::to_string(::getpid())), ignored);
  }

 private:
  std::string prefix_;
};

inline Invocation run_binary(const std::vector<std::string>& args, const std::filesystem::path& capture) {
  return Child(args, capture).wait();
}

}  // namespace recordflow::testing
