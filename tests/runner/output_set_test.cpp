// OutputSet: a result set is written whole or not at all, one writer per directory, stale scratch removed.
#include "runner/OutputSet.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "runner/AtomicFile.hpp"

namespace recordflow {
namespace fs = std::filesystem;

namespace {
fs::path fresh_dir(const std::string& name) {
  const auto dir =
      fs::temp_directory_path() / ("recordflow-outset-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
bool has_staging(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().rfind(".staging-", 0) == 0) return true;
  return false;
}
const OutputFiles kNewSet{{"tidy.csv", "new csv"}, {"tidy.jsonl", "new jsonl"}, {"results.json", "new json"}};
}  // namespace

TEST(OutputSet, ReplacesTheWholePreviousSet) {
  const auto dir = fresh_dir("replace");
  commit_output_set(dir, {{"tidy.csv", "old csv"}, {"tidy.jsonl", "old jsonl"}, {"results.json", "old"}});
  write_file_atomically(dir / "results.partial.json", "stale partial");
  commit_output_set(dir, kNewSet);
  EXPECT_EQ(read_file(dir / "tidy.csv"), "new csv");
  EXPECT_EQ(read_file(dir / "results.json"), "new json");
  EXPECT_FALSE(fs::exists(dir / "results.partial.json"));
  EXPECT_FALSE(has_staging(dir));
  fs::remove_all(dir);
}

TEST(OutputSet, AFailedWriteLeavesThePreviousSetUntouched) {
  const auto dir = fresh_dir("fail");
  commit_output_set(dir, {{"tidy.csv", "old csv"}, {"tidy.jsonl", "old jsonl"}, {"results.json", "old"}});
  ::setenv("RECORDFLOW_FAIL_WRITE", "results.json", 1);
  EXPECT_THROW(commit_output_set(dir, kNewSet), std::runtime_error);
  ::unsetenv("RECORDFLOW_FAIL_WRITE");
  // Nothing of the new set was renamed in, although tidy.csv and tidy.jsonl were written before.
  EXPECT_EQ(read_file(dir / "tidy.csv"), "old csv");
  EXPECT_EQ(read_file(dir / "tidy.jsonl"), "old jsonl");
  EXPECT_EQ(read_file(dir / "results.json"), "old");
  EXPECT_FALSE(has_staging(dir));
  fs::remove_all(dir);
}

TEST(OutputSet, OneWriterAtATime) {
  const auto dir = fresh_dir("lock");
  std::string holder;
  {
    auto first = OutputLock::acquire(dir, &holder);
    ASSERT_TRUE(first.has_value()) << holder;
    const auto second = OutputLock::acquire(dir, &holder);
    EXPECT_FALSE(second.has_value());
    EXPECT_EQ(holder, "pid " + std::to_string(::getpid()));
  }
  EXPECT_TRUE(OutputLock::acquire(dir, &holder).has_value());  // released with the first
  fs::remove_all(dir);
}

TEST(OutputSet, PreviousSetIsMovedAside) {
  const auto dir = fresh_dir("aside");
  EXPECT_FALSE(set_aside_previous(dir));
  commit_output_set(dir, kNewSet);
  fs::create_directories(dir / "events");
  EXPECT_TRUE(set_aside_previous(dir));
  EXPECT_FALSE(fs::exists(dir / "results.json"));
  EXPECT_FALSE(fs::exists(dir / "tidy.csv"));
  EXPECT_FALSE(fs::exists(dir / "events"));
  EXPECT_EQ(read_file(dir / "previous" / "results.json"), "new json");
  EXPECT_TRUE(fs::is_directory(dir / "previous" / "events"));
  fs::remove_all(dir);
}

TEST(OutputSet, ScratchOfDeadRunsIsRemoved) {
  const auto dir = fresh_dir("stale");
  const fs::path dead = dir / ".work-2147483646";  // above any pid_max: no such process
  const fs::path dead_staging = dir / ".staging-2147483645";
  const fs::path mine = dir / (".work-" + std::to_string(::getpid()));
  const fs::path parent = dir / (".work-" + std::to_string(::getppid()));  // alive
  for (const auto& d : {dead, dead_staging, mine, parent}) fs::create_directories(d);
  write_file_atomically(dead / "0.json", "{}");
  EXPECT_EQ(remove_stale_scratch(dir), 2);
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_FALSE(fs::exists(dead_staging));
  EXPECT_TRUE(fs::exists(mine));
  EXPECT_TRUE(fs::exists(parent));
  fs::remove_all(dir);
}

}  // namespace recordflow
