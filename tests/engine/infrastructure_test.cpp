// Infrastructure on SimGrid: a system's items are executions on its host, so a host failure fails the
// item in service (its work is redone after recovery), a degraded host processes at its speed share, and
// the model learns every change from SimGrid. Closed forms on a hub kept busy by a backlog.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "EngineTestSupport.hpp"
#include "engine/Replication.hpp"

namespace recordflow::testing {
namespace {

// Three discharge summaries an hour into a hub that processes two an hour: after the first hours the hub
// always has a backlog, so an item is in service at every instant it is up.
Scenario busy_hub() {
  Scenario sc = base_scenario();
  sc.pathways[0].rate_per_1000_per_hour = 0.3;
  sc.systems["hub"].capacity_per_hour = 2.0;
  sc.experiment.horizon = 24 * 12;
  return sc;
}

std::vector<Hours> hub_items(const CollectingSink& sink) {
  std::vector<Hours> times;
  for (const ItemProcessed& p : sink.processed)
    if (*p.system == "hub") times.push_back(p.time);
  return times;
}

TEST(EngineInfrastructure, AHostFailureFailsTheItemInServiceAndItsWorkIsRedone) {
  Scenario sc = busy_hub();
  sc.systems["hub"].availability.incidents = {incident(100, 10)};
  CollectingSink sink;
  engine::ReplicationStats stats;
  engine::run_replication(sc, 0, sink, test_options(), engine::kDefaultWakeQuantum, &stats);
  const std::vector<Hours> items = hub_items(sink);
  ASSERT_GT(items.size(), 300u);
  EXPECT_EQ(stats.failed_executions, 1u) << "exactly the item in service when the hub failed";
  EXPECT_EQ(stats.executions, items.size());
  // Nothing is processed while down; the failed item restarts at recovery and needs its full 0.5 h
  // (a model that kept its progress would finish it earlier).
  Hours first_after = -1;
  for (Hours t : items) {
    EXPECT_FALSE(t > 100 + 1e-9 && t < 110 - 1e-9) << "processed at " << t << " while down";
    if (t > 110 && first_after < 0) first_after = t;
  }
  EXPECT_NEAR(first_after, 110.5, 1e-9);
  // Before the failure the hub works at 2 items an hour, back to back.
  Hours last_before = 0;
  for (Hours t : items)
    if (t < 100) last_before = t;
  EXPECT_GT(last_before, 99.5 - 1e-9);
  // The model heard of the outage from SimGrid: two host state changes, two SystemState events.
  EXPECT_EQ(stats.host_state_changes, 2u);
  ASSERT_EQ(sink.states.size(), 2u);
  EXPECT_FALSE(sink.states[0].up);
  EXPECT_DOUBLE_EQ(sink.states[0].time, 100);
  EXPECT_DOUBLE_EQ(sink.states[1].time, 110);
}

TEST(EngineInfrastructure, AHostOfSeveralServersFailsEveryItemInServiceAndRedoesThemAll) {
  Scenario sc = busy_hub();
  sc.pathways[0].rate_per_1000_per_hour = 1.2;  // 12 items an hour against 3 servers of 2 an hour
  sc.systems["hub"].servers = 3;
  sc.systems["hub"].availability.incidents = {incident(100, 10)};
  CollectingSink sink;
  engine::ReplicationStats stats;
  engine::run_replication(sc, 0, sink, test_options(), engine::kDefaultWakeQuantum, &stats);
  const std::vector<Hours> items = hub_items(sink);
  ASSERT_GT(items.size(), 900u);
  EXPECT_EQ(stats.failed_executions, 3u) << "the three items in service when the hub failed";
  EXPECT_EQ(stats.executions, items.size());
  // Saturated, the three servers end three items every 0.5 h, side by side; after recovery the three
  // failed items restart together and end 0.5 h later.
  int before = 0, first_after = 0;
  for (Hours t : items) {
    EXPECT_FALSE(t > 100 + 1e-9 && t < 110 - 1e-9) << "processed at " << t << " while down";
    if (t > 90 - 1e-9 && t < 100 - 1e-9) ++before;
    if (std::abs(t - 110.5) < 1e-9) ++first_after;
  }
  EXPECT_EQ(before, 60) << "3 servers x 2 items an hour over 10 h";
  EXPECT_EQ(first_after, 3);
}

TEST(EngineInfrastructure, ADegradedHostProcessesAtItsSpeedShare) {
  Scenario sc = busy_hub();
  sc.systems["hub"].availability.degraded = {CapacityPhase{150, 20, 0.25}};
  CollectingSink sink;
  engine::ReplicationStats stats;
  engine::run_replication(sc, 0, sink, test_options(), engine::kDefaultWakeQuantum, &stats);
  const std::vector<Hours> items = hub_items(sink);
  EXPECT_EQ(stats.failed_executions, 0u);
  // At a quarter of 2 items an hour, back-to-back items end 2 h apart inside the window, 0.5 h outside.
  int inside = 0, outside = 0;
  for (std::size_t i = 1; i < items.size(); ++i) {
    const Hours gap = items[i] - items[i - 1];
    if (items[i - 1] > 151 && items[i] < 170) {
      EXPECT_NEAR(gap, 2.0, 1e-9) << "at " << items[i];
      ++inside;
    } else if (items[i - 1] > 100 && items[i - 1] < 149 && items[i] < 149) {
      EXPECT_NEAR(gap, 0.5, 1e-9) << "at " << items[i];
      ++outside;
    }
  }
  EXPECT_GE(inside, 8);
  EXPECT_GE(outside, 90);
}

// Tie rule: at one instant, availability changes run before the work they affect. The GP opens at 09:00
// and its system fails at exactly 09:00 on Wednesday (reported by SimGrid's callback): the visits that
// waited overnight and start at that instant find the record down; those at 09:00 on Tuesday do not.
TEST(EngineInfrastructure, AHostChangeAtAnInstantComesBeforeTheWorkAtThatInstant) {
  Scenario sc = base_scenario();
  sc.organisations[1].calendar = "office";
  const Hours wednesday_nine = 2 * 24 + 9;
  sc.systems["gp_system"].availability.incidents = {incident(wednesday_nine, 1)};
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  int at_failure = 0, outage_at_failure = 0, day_before = 0, seen_day_before = 0;
  for (const NeedEvaluated& n : sink.needs) {
    if (n.time == wednesday_nine) {
      ++at_failure;
      if (n.outcome == NeedOutcome::outage) ++outage_at_failure;
    }
    if (n.time == wednesday_nine - 24) {
      ++day_before;
      if (n.outcome == NeedOutcome::seen) ++seen_day_before;
    }
  }
  ASSERT_GT(at_failure, 3) << "visits wait overnight for the 09:00 opening";
  EXPECT_EQ(outage_at_failure, at_failure);
  ASSERT_GT(day_before, 3);
  EXPECT_EQ(seen_day_before, day_before);
}

}  // namespace
}  // namespace recordflow::testing
