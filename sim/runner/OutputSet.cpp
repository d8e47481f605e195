#include "runner/OutputSet.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "runner/AtomicFile.hpp"

namespace recordflow {
namespace fs = std::filesystem;

namespace {

bool process_alive(long pid) {
  return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

// The pid in a scratch directory name ".work-<pid>" or ".staging-<pid>", 0 if it is not one.
long scratch_pid(const std::string& name) {
  for (const std::string prefix : {".work-", ".staging-"}) {
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return 0;
    return std::strtol(digits.c_str(), nullptr, 10);
  }
  return 0;
}

WriteHook injected_failure(const std::string& name) {
  const char* fail = std::getenv("RECORDFLOW_FAIL_WRITE");
  if (!fail || name != fail) return {};
  return [name](std::size_t) {
    throw std::runtime_error("cannot write " + name + ": " + std::strerror(ENOSPC) +
                             " (injected by RECORDFLOW_FAIL_WRITE)");
  };
}

}  // namespace

std::optional<OutputLock> OutputLock::acquire(const fs::path& dir, std::string* holder) {
  std::error_code error;
  fs::create_directories(dir, error);
  const fs::path file = dir / ".lock";
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (holder) *holder = "cannot create " + file.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char text[32] = {};
    const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
    if (holder) *holder = n > 0 ? "pid " + std::string(text, static_cast<std::size_t>(n)) : "another process";
    ::close(fd);
    return std::nullopt;
  }
  const std::string pid = std::to_string(::getpid());
  if (::ftruncate(fd, 0) == 0) (void)!::pwrite(fd, pid.data(), pid.size(), 0);
  return OutputLock(fd);
}

OutputLock::OutputLock(OutputLock&& other) noexcept : fd_(other.fd_) {
  other.fd_ = -1;
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the flock
}

const std::vector<std::string>& result_set_files() {
  static const std::vector<std::string> files{
      "results.json",      "tidy.csv",         "tidy.jsonl",         "tidy_series.csv",
      "tidy_series.jsonl", "tidy_outages.csv", "tidy_outages.jsonl", "results.partial.json"};
  return files;
}

void commit_output_set(const fs::path& dir, const OutputFiles& files) {
  const fs::path staging = dir / (".staging-" + std::to_string(::getpid()));
  std::error_code ignored;
  try {
    fs::remove_all(staging, ignored);
    fs::create_directories(staging);
    for (const auto& [name, content] : files)
      write_file_atomically(staging / name, content, injected_failure(name));
    // Everything is on disk: retire the previous set (results.json first), then rename the new one in.
    for (const auto& name : result_set_files()) fs::remove(dir / name);
    std::vector<std::string> renamed;
    for (const auto& [name, content] : files) {
      if (::rename((staging / name).c_str(), (dir / name).c_str()) != 0) {
        const int error = errno;
        for (const auto& done : renamed) fs::remove(dir / done, ignored);
        throw std::runtime_error("cannot rename into " + (dir / name).string() + ": " + std::strerror(error));
      }
      renamed.push_back(name);
    }
  } catch (...) {
    fs::remove_all(staging, ignored);
    throw;
  }
  fs::remove_all(staging, ignored);
}

bool set_aside_previous(const fs::path& dir) {
  std::vector<fs::path> found;
  for (const auto& name : result_set_files())
    if (fs::exists(dir / name)) found.push_back(dir / name);
  if (fs::exists(dir / "events")) found.push_back(dir / "events");
  if (found.empty()) return false;
  const fs::path previous = dir / "previous";
  fs::remove_all(previous);
  fs::create_directories(previous);
  for (const auto& path : found) fs::rename(path, previous / path.filename());
  return true;
}

int remove_stale_scratch(const fs::path& dir) {
  int removed = 0;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    const long pid = scratch_pid(entry.path().filename().string());
    if (pid == 0 || pid == ::getpid() || process_alive(pid)) continue;
    std::error_code ignored;
    if (fs::remove_all(entry.path(), ignored) > 0) ++removed;
  }
  return removed;
}

}  // namespace recordflow
