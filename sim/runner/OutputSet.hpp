// OutputSet: the files of one result set in an output directory (results.json, tidy.csv, tidy.jsonl,
// or results.partial.json alone) are written as one. Every file of a set is first written completely
// into a staging directory (".staging-<pid>/"); only when all are written are the previous set's files
// removed and the new ones renamed in, results.json last (its presence marks a complete set). A failure
// while staging leaves the directory as it was. OutputLock (flock on "<dir>/.lock") lets one writer at a
// time use a directory; set_aside_previous() moves an earlier set into "<dir>/previous/" so that a new
// run's partial results never sit beside an older run's results.json.
//
// Fault injection for tests: when the environment variable RECORDFLOW_FAIL_WRITE names a file of the
// set (e.g. "results.json"), writing that file fails as a full disk would.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace recordflow {

class OutputLock {
 public:
  // Creates `dir` if needed and locks it. Empty when another process holds the lock (`holder` then
  // describes it, e.g. "pid 1234") or the lock file cannot be created (`holder` says why).
  static std::optional<OutputLock> acquire(const std::filesystem::path& dir, std::string* holder);
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&&) = delete;
  OutputLock(const OutputLock&) = delete;
  ~OutputLock();

 private:
  explicit OutputLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// (file name, content), in the order they are renamed in; results.json must come last.
using OutputFiles = std::vector<std::pair<std::string, std::string>>;

// Writes the set into `dir` as described above. Throws std::runtime_error naming the file that could
// not be written; the directory then holds what it held before (the staging directory is removed).
void commit_output_set(const std::filesystem::path& dir, const OutputFiles& files);

// Moves results.json, the tidy files, results.partial.json and events/ of `dir` (if any) into
// `dir`/previous/ (replacing an older one). Returns true when something was moved.
bool set_aside_previous(const std::filesystem::path& dir);

// Removes "<dir>/.work-<pid>" and "<dir>/.staging-<pid>" directories whose process no longer runs
// (left by a run that was killed). Returns how many were removed.
int remove_stale_scratch(const std::filesystem::path& dir);

// The files a result set consists of (results.partial.json included).
const std::vector<std::string>& result_set_files();

}  // namespace recordflow
