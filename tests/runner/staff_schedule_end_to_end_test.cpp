// End-to-end: a staff pool whose head count changes by schedule, through the real `recordflow run`, on
// tests/closed_form/scenarios/staff_schedule.json (always busy, 1 h tasks: each person on duty finishes
// exactly 24 tasks per whole day, so the daily staff minutes are count x 24 x 60), and a bad schedule
// rejected with exit code 2, its file and JSON path, and nothing written.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "RunBinary.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using nlohmann::json;

TEST(StaffSchedule, ThroughputPerDayFollowsTheScheduledHeadCount) {
  const fs::path out = testing::scratch_path("recordflow-schedule", "throughput");
  const auto r = testing::run_binary({"run", "tests/closed_form/scenarios/staff_schedule.json", "--out",
                                      out.string(), "--quiet", "--jobs", "2"},
                                     out.string() + ".log");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json results = json::parse(read_file(out / "results.json"));
  ASSERT_EQ(results.at("replications").size(), 3u);
  for (const json& rep : results.at("replications")) {
    std::vector<double> minutes;
    for (const json& s : rep.at("series"))
      if (s.at("name") == "staff_minutes") minutes = s.at("values").get<std::vector<double>>();
    ASSERT_EQ(minutes.size(), 14u);
    for (int day = 1; day <= 4; ++day) EXPECT_DOUBLE_EQ(minutes[day], 2 * 24 * 60.0) << "day " << day;
    EXPECT_DOUBLE_EQ(minutes[5], (2 * 24 + 2 * 23) * 60.0) << "the two new people start at 120 h";
    for (int day = 6; day <= 9; ++day) EXPECT_DOUBLE_EQ(minutes[day], 4 * 24 * 60.0) << "day " << day;
    EXPECT_DOUBLE_EQ(minutes[10], (24 + 3) * 60.0) << "the three people removed at 240 h finish their task";
    for (int day = 11; day <= 13; ++day) EXPECT_DOUBLE_EQ(minutes[day], 1 * 24 * 60.0) << "day " << day;
  }
  fs::remove_all(out);
}

TEST(StaffSchedule, AScheduleOutOfOrderIsRejectedAndNothingIsWritten) {
  const fs::path out = testing::scratch_path("recordflow-schedule", "rejected");
  fs::remove_all(out);
  const auto r = testing::run_binary(
      {"run", "tests/scenario/invalid/staff_schedule_out_of_order.json", "--out", out.string(), "--quiet"},
      out.string() + ".log");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("staff_schedule_out_of_order.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/organisations/city_hospital/staff/secretaries/schedule/1/from_day"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out / "results.json"));
  EXPECT_FALSE(fs::exists(out / "results.partial.json"));
}

}  // namespace recordflow
