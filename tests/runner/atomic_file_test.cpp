#include "runner/AtomicFile.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

namespace recordflow {
namespace fs = std::filesystem;

namespace {
fs::path fresh_dir(const std::string& name) {
  const auto dir =
      fs::temp_directory_path() / ("recordflow-atomic-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}
}  // namespace

TEST(AtomicFile, WritesWholeContent) {
  const auto dir = fresh_dir("whole");
  const std::string content(300000, 'x');
  write_file_atomically(dir / "results.json", content);
  EXPECT_EQ(read_file(dir / "results.json"), content);
  EXPECT_EQ(entries(dir), 1u);
  fs::remove_all(dir);
}

TEST(AtomicFile, FailureMidWriteLeavesNoPartialFile) {
  const auto dir = fresh_dir("fail");
  const std::string content(1 << 20, 'y');
  const auto fail_half_way = [&](std::size_t written) {
    if (written >= content.size() / 2) throw std::runtime_error("disk full (simulated)");
  };
  EXPECT_THROW(write_file_atomically(dir / "results.json", content, fail_half_way), std::runtime_error);
  EXPECT_FALSE(fs::exists(dir / "results.json"));
  EXPECT_EQ(entries(dir), 0u) << "the temporary file must be removed";
  fs::remove_all(dir);
}

TEST(AtomicFile, FailureKeepsPreviousVersion) {
  const auto dir = fresh_dir("keep");
  write_file_atomically(dir / "tidy.csv", "old\n");
  const auto fail = [](std::size_t) { throw std::runtime_error("interrupted (simulated)"); };
  EXPECT_THROW(write_file_atomically(dir / "tidy.csv", std::string(200000, 'z'), fail), std::runtime_error);
  EXPECT_EQ(read_file(dir / "tidy.csv"), "old\n");
  EXPECT_EQ(entries(dir), 1u);
  fs::remove_all(dir);
}

TEST(AtomicFile, MissingDirectoryIsAnError) {
  EXPECT_THROW(write_file_atomically("/nonexistent-recordflow-dir/x.json", "{}"), std::runtime_error);
}

}  // namespace recordflow
