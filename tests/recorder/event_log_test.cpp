// The event log: one JSON line per step of a measured copy, written atomically at finish().
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "RecorderFixture.hpp"

namespace recordflow::testing {
namespace {

namespace fs = std::filesystem;

class EventLogTest : public RecorderTest {
 protected:
  EventLogTest() {
    dir_ = fs::temp_directory_path() / ("recordflow_event_log_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = dir_ / "events.jsonl";
    options_.event_log_path = path_.string();
  }
  ~EventLogTest() override { fs::remove_all(dir_); }

  void step(std::uint64_t id, const char* activity, const std::string* resource, const Organisation* org,
            Hours start, Hours end) {
    recorder().on(StepDone{id, activity, resource, org, start, end});
  }

  std::vector<nlohmann::json> read_lines() const {
    std::vector<nlohmann::json> lines;
    std::ifstream in(path_);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
  }

  fs::path dir_;
  fs::path path_;
};

TEST_F(EventLogTest, WritesOneLinePerStepOfAMeasuredCopy) {
  const std::string post = "royal \"mail\"";
  create(1, 10);  // warm-up copy: not in the log
  create(2, 30, "discharge_summary", gp(2));
  step(1, "print", nullptr, hospital(), 10, 11);
  step(2, "sign_off", nullptr, hospital(), 30, 30.5);
  step(2, "transit", &post, hospital(), 30.5, 1.0 / 3.0 + 60);
  step(99, "scan", nullptr, gp(2), 40, 41);  // unknown copy
  arrive(2, 61);

  EXPECT_TRUE(fs::exists(path_.string() + ".tmp"));
  EXPECT_FALSE(fs::exists(path_)) << "nothing visible before finish()";
  recorder().finish(240);
  EXPECT_FALSE(fs::exists(path_.string() + ".tmp"));

  const std::vector<nlohmann::json> lines = read_lines();
  ASSERT_EQ(lines.size(), 2u);
  const nlohmann::json& first_line = lines[0];
  EXPECT_EQ(first_line.size(), 9u);
  EXPECT_EQ(first_line["case"].get<std::string>(), "2");
  EXPECT_EQ(first_line["activity"].get<std::string>(), "sign_off");
  EXPECT_EQ(first_line["resource"].get<std::string>(), "");
  EXPECT_EQ(first_line["organisation"].get<std::string>(), "city_hospital");
  EXPECT_EQ(first_line["org_type"].get<std::string>(), "acute");
  EXPECT_EQ(first_line["start"].get<double>(), 30.0);
  EXPECT_EQ(first_line["end"].get<double>(), 30.5);
  EXPECT_EQ(first_line["document"].get<std::string>(), "discharge_summary");
  EXPECT_EQ(first_line["destination"].get<std::string>(), "gp_practice#2");
  EXPECT_EQ(lines[1]["resource"].get<std::string>(), post);
  EXPECT_EQ(lines[1]["activity"].get<std::string>(), "transit");
  EXPECT_EQ(lines[1]["end"].get<double>(), 1.0 / 3.0 + 60) << "hours round-trip exactly";

  std::ifstream raw(path_);
  std::string first;
  std::getline(raw, first);
  EXPECT_EQ(first.rfind("{\"case\":\"2\",\"activity\":", 0), 0u) << "keys in the documented order: " << first;
}

TEST_F(EventLogTest, ARecorderDestroyedWithoutFinishLeavesNoFile) {
  create(1, 30);
  step(1, "print", nullptr, hospital(), 30, 31);
  recorder_.reset();
  EXPECT_FALSE(fs::exists(path_));
  EXPECT_FALSE(fs::exists(path_.string() + ".tmp"));
}

TEST_F(EventLogTest, ManyLinesAreAllWritten) {
  for (std::uint64_t id = 0; id < 8000; ++id) {
    create(id, 30);
    step(id, "transit", nullptr, hospital(), 30, 31);
    step(id, "file", nullptr, gp(1), 31, 32);
  }
  recorder().finish(240);
  EXPECT_EQ(read_lines().size(), 16000u);
}

TEST_F(EventLogTest, AnUnwritableLocationFailsAtConstruction) {
  options_.event_log_path = (dir_ / "missing" / "events.jsonl").string();
  EXPECT_THROW(recorder(), std::runtime_error);
}

TEST_F(EventLogTest, AFailureAtFinishLeavesNoFile) {
  create(1, 30);
  step(1, "print", nullptr, hospital(), 30, 31);
  fs::remove_all(dir_);  // the log cannot be renamed into place any more
  EXPECT_THROW(recorder().finish(240), std::runtime_error);
  EXPECT_FALSE(fs::exists(path_));
  EXPECT_FALSE(fs::exists(path_.string() + ".tmp"));
}

TEST_F(EventLogTest, ReplacesAnExistingLogOnlyWhenComplete) {
  { std::ofstream(path_) << "old\n"; }
  create(1, 30);
  step(1, "print", nullptr, hospital(), 30, 31);
  {
    std::ifstream in(path_);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "old");
  }
  recorder().finish(240);
  EXPECT_EQ(read_lines().size(), 1u);
}

}  // namespace
}  // namespace recordflow::testing
