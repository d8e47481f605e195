// The hourly backlog around scripted episodes: which hours are kept (the day before an episode to the
// second day after it), and the length at the end of each kept hour, against values worked out by hand.
#include <gtest/gtest.h>

#include <numeric>

#include "RecorderFixture.hpp"
#include "recorder/EpisodeHours.hpp"

namespace recordflow::testing {
namespace {

std::vector<std::uint32_t> hour_range(std::uint32_t from, std::uint32_t to) {  // [from, to)
  std::vector<std::uint32_t> hours(to - from);
  std::iota(hours.begin(), hours.end(), from);
  return hours;
}

class HourlyBacklogTest : public RecorderTest {
 protected:
  const TimeSeries* find(const std::string& name, const std::string& system) const {
    for (const TimeSeries& s : result_.series)
      if (s.name == name && s.dims == Dimensions{{"system", system}}) return &s;
    return nullptr;
  }
  ReplicationResult result_;
};

// An incident on the hub at 100 h for 5 h (day 4): days 3..6 are kept, hours 72..167.
TEST_F(HourlyBacklogTest, LengthAtTheEndOfEachHourAroundAnIncident) {
  scenario_.systems["hub"].availability.incidents.push_back(Incident{"outage", 100, 5, {}});
  queue("hub", 2, 50);
  system_state("hub", false, 100);
  queue("hub", 4, 101);
  queue("hub", 6, 101.5);  // the last sample of hour 101 wins
  queue("hub", 9, 103);
  system_state("hub", true, 105);
  queue("hub", 3, 106.2);
  queue("hub", 0, 110);
  result_ = recorder().finish(240);

  const TimeSeries* hourly = find("backlog_hourly", "hub");
  ASSERT_NE(hourly, nullptr);
  EXPECT_EQ(hourly->hours, hour_range(72, 168));
  std::vector<double> expected;
  for (std::uint32_t h = 72; h < 168; ++h) {
    double v = 2;
    if (h >= 101) v = 6;
    if (h >= 103) v = 9;
    if (h >= 106) v = 3;
    if (h >= 110) v = 0;
    expected.push_back(v);
  }
  EXPECT_EQ(hourly->values, expected);
  EXPECT_EQ(find("backlog_hourly", "epr"), nullptr) << "a system without scripted episodes has no hourly series";
  // The daily series is unchanged: its end-of-day value hides the whole episode (the queue is empty by 110 h).
  EXPECT_EQ(find("backlog", "hub")->values, (std::vector<double>{0, 0, 2, 2, 0, 0, 0, 0, 0, 0}));
}

// Planned downtime every 100 h from 20 h for 2 h in a 240 h run: episodes on days 0, 5 and 9, so days
// 0..2 and 4..9 are kept (day 3 is not); an incident with recovery phases keeps the days of the recovery.
TEST_F(HourlyBacklogTest, KeptHoursFollowPlannedDowntimeAndRecovery) {
  scenario_.systems["epr"].availability.planned.push_back(PlannedDowntime{20, 100, 2});
  std::vector<std::uint32_t> expected = hour_range(0, 72);
  const auto later = hour_range(96, 240);
  expected.insert(expected.end(), later.begin(), later.end());
  EXPECT_EQ(episode_hours(scenario_, "epr", 240), expected);

  // Down 30..40 h (day 1), then recovering for 50 h after its end: to 90 h (day 3); days 0..5 kept.
  scenario_.systems["hub"].availability.incidents.push_back(Incident{"attack", 30, 10, {{0, 50, 0.5}}});
  EXPECT_EQ(episode_hours(scenario_, "hub", 240), hour_range(0, 144));
  EXPECT_TRUE(episode_hours(scenario_, "gp_system", 240).empty());
  // Clipped to the run: a run of 100 h keeps hours 0..99 only.
  EXPECT_EQ(episode_hours(scenario_, "hub", 100), hour_range(0, 100));
}

}  // namespace
}  // namespace recordflow::testing
