// Staff time (with per-year scaling) and system resilience: items, backlog, downtime, backlog clear
// time after outages, back entry, and the daily series.
#include <gtest/gtest.h>

#include <cmath>
#include <tuple>

#include "RecorderFixture.hpp"

namespace recordflow::testing {
namespace {

class StaffSystemTest : public RecorderTest {
 protected:
  void work(const Organisation* org, const char* task, double minutes, Hours t) {
    recorder().on(StaffWork{org, task, minutes, t});
  }
  const TimeSeries& series(const std::string& name, const Dimensions& dims = {}) {
    for (const TimeSeries& s : result_.series) {
      if (s.name == name && s.dims == dims) return s;
    }
    throw std::runtime_error("no series " + name);
  }
  ReplicationResult result_;
};

// Measured period: 24 h .. 24 h + 73 d = a fifth of a year, so per-year values are 5 x the totals.
TEST_F(StaffSystemTest, StaffMinutesPerThousandCopiesAndPerYear) {
  const Hours end = 24 + 73 * 24;
  for (std::uint64_t id = 1; id <= 4; ++id) create(id, 30);
  work(gp(1), "look", 2, 10);  // warm-up: only in the daily series
  work(hospital(), "print", 10, 30);
  std::string print = "print";  // same task, another address
  work(hospital(), print.c_str(), 5, 40);
  work(gp(2), "scan", 3, 50);
  result_ = recorder().finish(end);
  const ReplicationResult& r = result_;

  const Dimensions acute_print{{"org_type", "acute"}, {"task", "print"}};
  EXPECT_DOUBLE_EQ(r.get("staff_minutes", acute_print), 15);
  EXPECT_DOUBLE_EQ(r.get("staff_minutes", {{"org_type", "primary"}, {"task", "scan"}}), 3);
  EXPECT_EQ(r.get("staff_minutes", {{"org_type", "primary"}, {"task", "look"}}, -1), -1);
  EXPECT_DOUBLE_EQ(r.get("staff_minutes"), 18);
  EXPECT_DOUBLE_EQ(r.get("staff_minutes_per_1000_copies"), 4500);
  EXPECT_DOUBLE_EQ(r.get("staff_minutes_per_1000_copies", acute_print), 3750);
  EXPECT_DOUBLE_EQ(r.get("staff_hours_per_year"), 1.5);
  EXPECT_DOUBLE_EQ(r.get("staff_hours_per_year", acute_print), 1.25);

  const TimeSeries& daily = series("staff_minutes");
  ASSERT_EQ(daily.values.size(), 74u);
  EXPECT_EQ(daily.values[0], 2);
  EXPECT_EQ(daily.values[1], 15);
  EXPECT_EQ(daily.values[2], 3);
}

TEST_F(StaffSystemTest, BacklogMaxClearTimeDowntimeAndDailyBacklog) {
  auto processed = [&](Hours t) { recorder().on(ItemProcessed{system("hub"), t}); };
  queue("epr", 3, 5);  // in force for the whole measured period
  queue("hub", 5, 10);
  processed(10);
  system_state("epr", false, 20);  // spans the warm-up: 2 h count
  system_state("epr", true, 26);
  // Outage 1: 30..42, queue 5 -> 20, back to 5 at 50: clear time 8.
  system_state("hub", false, 30);
  processed(30);
  processed(31);
  queue("hub", 8, 31);
  queue("hub", 20, 40);
  system_state("hub", true, 42);
  queue("hub", 12, 45);
  queue("hub", 6, 48);
  queue("hub", 5, 50);
  // Outage 2: 60..62 leaves no backlog.
  system_state("hub", false, 60);
  system_state("hub", true, 62);
  // Outage 3: 70..72, queue 5 -> 9, below 5 at 100: clear time 28.
  system_state("hub", false, 70);
  queue("hub", 9, 71);
  system_state("hub", true, 72);
  recorder().on(SystemState{system("hub"), true, 0.5, 80});  // degraded, not an outage
  queue("hub", 4, 100);
  // Outage 4: 200..210, queue 4 -> 7, never cleared.
  system_state("hub", false, 200);
  queue("hub", 7, 201);
  system_state("hub", true, 210);
  system_state("epr", false, 230);  // still down at the horizon: 10 h count
  recorder().on(BackEntered{hospital(), 10});
  recorder().on(BackEntered{hospital(), 30});
  recorder().on(BackEntered{hospital(), 31});
  result_ = recorder().finish(240);
  const ReplicationResult& r = result_;

  const Dimensions hub{{"system", "hub"}}, epr{{"system", "epr"}}, gp_system{{"system", "gp_system"}};
  EXPECT_EQ(r.get("items_processed", hub), 2);
  EXPECT_EQ(r.get("backlog_max", hub), 20);
  EXPECT_DOUBLE_EQ(r.get("backlog_clear_time", hub), 18);
  EXPECT_EQ(r.get("backlogs_not_cleared", hub), 1);
  EXPECT_DOUBLE_EQ(r.get("downtime_hours", hub), 12 + 2 + 2 + 10);
  EXPECT_EQ(r.get("backlog_max", epr), 3);
  EXPECT_DOUBLE_EQ(r.get("downtime_hours", epr), 2 + 10);
  EXPECT_EQ(r.get("backlog_clear_time", epr, -1), -1) << "no outage with a backlog: omitted";
  EXPECT_EQ(r.get("items_processed", gp_system, -1), 0);
  EXPECT_EQ(r.get("backlog_max", gp_system, -1), 0);
  EXPECT_EQ(r.get("copies_back_entered", {{"org_type", "acute"}}), 2);
  EXPECT_EQ(r.get("copies_back_entered", {{"org_type", "primary"}}, -1), 0);
  EXPECT_EQ(r.get("copies_back_entered", {{"org_type", "social_care"}}, -1), -1);

  EXPECT_EQ(series("backlog", hub).values, (std::vector<double>{5, 12, 9, 9, 4, 4, 4, 4, 7, 7}));
  EXPECT_EQ(series("backlog", epr).values, std::vector<double>(10, 3));
  EXPECT_EQ(series("backlog", gp_system).values, std::vector<double>(10, 0));
}

TEST_F(StaffSystemTest, StaffPoolQueuesAreNotSystemBacklogs) {
  const std::string pool = "city_hospital/secretaries";
  recorder().on(QueueLength{&pool, false, 50, 30});
  result_ = recorder().finish(48);
  EXPECT_EQ(result_.get("backlog_max", {{"system", pool}}, -1), -1);
  EXPECT_EQ(series("staff_minutes").values.size(), 2u);
}

// Day ends: 7 (3 + 4), 5 (1 + 4), 5 (no sample: carried), 1 (1 + 0); the hospital's pool never queued.
TEST_F(StaffSystemTest, StaffQueuesOfTemplateInstancesAddUpPerDeclaredPool) {
  for (Organisation& org : scenario_.organisations) org.staff.push_back(StaffPool{"admin", 2, "always"});
  const std::string a = "gp_practice#1/admin", b = "gp_practice#2/admin";
  recorder().on(QueueLength{&a, false, 3, 10});
  recorder().on(QueueLength{&b, false, 4, 20});
  recorder().on(QueueLength{&a, false, 1, 30});
  recorder().on(QueueLength{&b, false, 0, 80});
  result_ = recorder().finish(96);
  EXPECT_EQ(series("staff_queue", {{"pool", "gp_practice/admin"}}).values, (std::vector<double>{7, 5, 5, 1}));
  EXPECT_EQ(series("staff_queue", {{"pool", "city_hospital/admin"}}).values, std::vector<double>(4, 0));
  EXPECT_THROW(series("staff_queue", {{"pool", a}}), std::runtime_error) << "instances are not series";
  EXPECT_EQ(series("backlog", {{"system", "hub"}}).values, std::vector<double>(4, 0))
      << "not a system backlog";
}

// Episodes with their causes; the first left a backlog (5 > 2 at recovery) that clears 4 h after it.
TEST_F(StaffSystemTest, OutageEpisodesCarryTheirCauseAndBacklog) {
  const std::string incident = "ransomware";
  queue("hub", 2, 10);
  recorder().on(SystemState{system("hub"), false, 0, 20, "planned"});
  queue("hub", 5, 22);
  system_state("hub", true, 26);
  queue("hub", 3, 28);
  queue("hub", 2, 30);
  recorder().on(SystemState{system("epr"), false, 0, 40, "failure"});
  system_state("epr", true, 41);
  recorder().on(SystemState{system("hub"), false, 0, 50, "incident", &incident});
  recorder().on(SystemState{system("hub"), false, 0.5, 60});  // still down: not a new episode
  result_ = recorder().finish(96);
  const auto& e = result_.outage_episodes;
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(std::tie(e[0].name, e[0].start, e[0].end, e[0].cause, e[0].left_backlog),
            std::make_tuple(std::string("epr"), 40.0, 41.0, std::string("failure"), false));
  EXPECT_TRUE(std::isnan(e[0].backlog_clear_time));
  EXPECT_EQ(std::tie(e[1].name, e[1].start, e[1].end, e[1].cause, e[1].left_backlog, e[1].backlog_clear_time),
            std::make_tuple(std::string("hub"), 20.0, 26.0, std::string("planned"), true, 4.0));
  EXPECT_EQ(std::tie(e[2].start, e[2].cause, e[2].incident),
            std::make_tuple(50.0, std::string("incident"), incident));
  EXPECT_TRUE(std::isnan(e[2].end)) << "still down at the horizon";
  EXPECT_DOUBLE_EQ(result_.get("backlog_clear_time", {{"system", "hub"}}), 4.0) << "agrees with SystemLedger";
}

TEST_F(StaffSystemTest, SampleAtTheHorizonEndsTheLastDay) {
  queue("hub", 2, 30);
  queue("hub", 6, 48);  // exactly the horizon
  result_ = recorder().finish(48);
  EXPECT_EQ(series("backlog", {{"system", "hub"}}).values, (std::vector<double>{0, 6}));
}

}  // namespace
}  // namespace recordflow::testing
