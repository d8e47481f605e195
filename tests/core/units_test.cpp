#include "core/Units.hpp"

#include <gtest/gtest.h>

namespace recordflow {

TEST(Units, DurationsConvertToHours) {
  EXPECT_DOUBLE_EQ(*parse_duration("30 min"), 0.5);
  EXPECT_DOUBLE_EQ(*parse_duration("2 h"), 2.0);
  EXPECT_DOUBLE_EQ(*parse_duration("1.5 d"), 36.0);
  EXPECT_DOUBLE_EQ(*parse_duration("2 w"), 336.0);
  EXPECT_DOUBLE_EQ(*parse_duration("90s"), 0.025);
  EXPECT_DOUBLE_EQ(*parse_duration("1 y"), 8760.0);
}

TEST(Units, BadDurationsExplainThemselves) {
  std::string error;
  EXPECT_FALSE(parse_duration("12", &error));
  EXPECT_NE(error.find("missing unit"), std::string::npos);
  EXPECT_FALSE(parse_duration("3 fortnights", &error));
  EXPECT_NE(error.find("fortnights"), std::string::npos);
  EXPECT_FALSE(parse_duration("", &error));
  EXPECT_FALSE(parse_duration("1e400 h", &error));
  EXPECT_FALSE(parse_duration("nan h", &error));
}

TEST(Units, RatesConvertToPerHour) {
  EXPECT_DOUBLE_EQ(*parse_rate("12/day"), 0.5);
  EXPECT_DOUBLE_EQ(*parse_rate("3 / h"), 3.0);
  EXPECT_DOUBLE_EQ(*parse_rate("1/s"), 3600.0);
  EXPECT_DOUBLE_EQ(*parse_rate("8760/year"), 1.0);
  EXPECT_DOUBLE_EQ(*parse_rate("5/2 h"), 2.5);
  EXPECT_FALSE(parse_rate("12 per day"));
  EXPECT_FALSE(parse_rate("12/fortnight"));
}

TEST(Units, ClockTimes) {
  EXPECT_DOUBLE_EQ(*parse_clock_time("08:30"), 8.5);
  EXPECT_DOUBLE_EQ(*parse_clock_time("24:00"), 24.0);
  EXPECT_FALSE(parse_clock_time("25:00"));
  EXPECT_FALSE(parse_clock_time("8h30"));
  EXPECT_FALSE(parse_clock_time("24:30"));
}

}  // namespace recordflow
