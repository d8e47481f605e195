#include "core/Calendar.hpp"

#include <gtest/gtest.h>

namespace recordflow {
namespace {

// Monday to Friday 09:00-17:00.
Calendar office() {
  std::vector<std::pair<Hours, Hours>> intervals;
  for (int day = 0; day < 5; ++day) intervals.emplace_back(day * 24 + 9, day * 24 + 17);
  return Calendar::weekly(intervals);
}

}  // namespace

TEST(Calendar, AlwaysOpenByDefault) {
  Calendar c;
  EXPECT_TRUE(c.is_open(3.3));
  EXPECT_EQ(c.next_open(100.5), 100.5);
  EXPECT_EQ(c.next_close(100.5), Calendar::kNever);
}

TEST(Calendar, OfficeHours) {
  auto c = office();
  EXPECT_FALSE(c.is_open(8.99));
  EXPECT_TRUE(c.is_open(9.0));
  EXPECT_FALSE(c.is_open(17.0));
  EXPECT_DOUBLE_EQ(c.next_open(8.0), 9.0);
  EXPECT_DOUBLE_EQ(c.next_open(12.0), 12.0);
  EXPECT_DOUBLE_EQ(c.next_close(12.0), 17.0);
  EXPECT_DOUBLE_EQ(c.next_open(17.5), 24 + 9.0);
  // Friday evening waits for Monday, a week later.
  EXPECT_DOUBLE_EQ(c.next_open(4 * 24 + 18), 168 + 9.0);
  EXPECT_DOUBLE_EQ(c.open_hours_per_week(), 40.0);
}

TEST(Calendar, ClosedDaysAreSkipped) {
  std::vector<std::pair<Hours, Hours>> intervals;
  for (int day = 0; day < 5; ++day) intervals.emplace_back(day * 24 + 9, day * 24 + 17);
  auto c = Calendar::weekly(intervals, {0, 1});  // Monday and Tuesday of week 0 are holidays
  EXPECT_FALSE(c.is_open(10.0));
  EXPECT_DOUBLE_EQ(c.next_open(0.0), 2 * 24 + 9.0);
  EXPECT_TRUE(c.is_open(168 + 10.0));
}

TEST(Calendar, IntervalsWrapAcrossSundayMidnight) {
  auto c = Calendar::weekly({{6 * 24 + 22, 7 * 24 + 6}});  // Sunday 22:00 to Monday 06:00
  EXPECT_TRUE(c.is_open(2.0));
  EXPECT_TRUE(c.is_open(6 * 24 + 23));
  EXPECT_DOUBLE_EQ(c.next_close(6 * 24 + 23), 7 * 24 + 6.0);
  EXPECT_DOUBLE_EQ(c.open_hours_per_week(), 8.0);
}

TEST(Calendar, NeverOpen) {
  auto c = Calendar::weekly({});
  EXPECT_EQ(c.next_open(5.0), Calendar::kNever);
}

TEST(Calendar, FullWeekIsAlways) { EXPECT_TRUE(Calendar::weekly({{0, 168}}).always()); }

}  // namespace recordflow
