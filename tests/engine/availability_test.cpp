#include "engine/Availability.hpp"

#include <gtest/gtest.h>

namespace recordflow::engine {
namespace {

TEST(Availability, AlwaysUpHasNoChanges) {
  System s;
  s.name = "epr";
  const SystemTimeline tl = build_timeline(s, 100, RandomStream(1, 0, "system/epr/failures"));
  EXPECT_TRUE(tl.changes.empty());
  EXPECT_TRUE(tl.up_at(50));
  EXPECT_DOUBLE_EQ(tl.share_at(50), 1.0);
}

TEST(Availability, IncidentThenRecoveryPhases) {
  System s;
  s.name = "epr";
  Incident inc;
  inc.start = 10;
  inc.duration = 5;
  inc.recovery = {{0, 10, 0.1}, {10, 10, 0.5}};
  s.availability.incidents.push_back(inc);
  s.availability.planned.push_back({50, 24, 2});
  const SystemTimeline tl = build_timeline(s, 100, RandomStream(1, 0, "system/epr/failures"));
  EXPECT_TRUE(tl.up_at(9.9));
  EXPECT_FALSE(tl.up_at(10));
  EXPECT_FALSE(tl.up_at(14.99));
  EXPECT_TRUE(tl.up_at(15));
  EXPECT_DOUBLE_EQ(tl.share_at(16), 0.1);
  EXPECT_DOUBLE_EQ(tl.share_at(26), 0.5);
  EXPECT_DOUBLE_EQ(tl.share_at(36), 1.0);
  EXPECT_FALSE(tl.up_at(51));
  EXPECT_FALSE(tl.up_at(75));
  EXPECT_TRUE(tl.up_at(77));
  EXPECT_DOUBLE_EQ(tl.downtime(0, 100), 5 + 2 + 2 + 2);  // incident, then windows at 50, 74, 98
}

TEST(Availability, RandomFailuresComeFromTheNamedStream) {
  System s;
  s.name = "epr";
  s.availability.failures = RandomFailures{Distribution::exponential(50), Distribution::exponential(3)};
  const SystemTimeline a = build_timeline(s, 2000, RandomStream(7, 1, "system/epr/failures"));
  const SystemTimeline b = build_timeline(s, 2000, RandomStream(7, 1, "system/epr/failures"));
  const SystemTimeline c = build_timeline(s, 2000, RandomStream(7, 2, "system/epr/failures"));
  ASSERT_FALSE(a.changes.empty());
  ASSERT_EQ(a.changes.size(), b.changes.size());
  for (std::size_t i = 0; i < a.changes.size(); ++i) EXPECT_EQ(a.changes[i].time, b.changes[i].time);
  EXPECT_NE(a.changes.front().time, c.changes.front().time);
}

}  // namespace
}  // namespace recordflow::engine
