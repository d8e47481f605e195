// Reads at the point of need (query, shared store) and scheduled feeds (batch).
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "EngineTestSupport.hpp"

namespace recordflow::testing {
namespace {

TEST(EngineReads, QueryIsAvailableOnlyWhenSourceAndPathAreUp) {
  Scenario sc = base_scenario();
  Step q;
  q.kind = StepKind::query;
  q.system = "@source";
  q.path = {"hub"};
  sc.channels["gp_connect"] = Channel{"gp_connect", {q}};
  sc.designs[0].rules[0].mix = {{"gp_connect", 1.0}};
  sc.systems["hub"].availability.incidents = {incident(48, 24)};
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  std::size_t seen = 0;
  for (const auto& n : sink.needs) {
    const bool hub_down = n.time >= 48 && n.time < 72;
    if (n.outcome == NeedOutcome::no_document) continue;
    EXPECT_EQ(n.outcome, hub_down ? NeedOutcome::outage : NeedOutcome::seen) << n.time;
    seen += n.outcome == NeedOutcome::seen ? 1 : 0;
  }
  // Nothing is sent: a copy becomes available at its first successful read, at the need.
  EXPECT_EQ(sink.available.size(), seen);
  EXPECT_TRUE(sink.steps.empty());
  EXPECT_GT(seen, 0u);
}

// A query is opened from the reader's own record: with the GP system down, a document the hospital holds
// cannot be queried from the practice (an outage gap), as a message filed into the GP record could not be
// read either.
TEST(EngineReads, QueryNeedsTheReadersOwnSystem) {
  Scenario sc = base_scenario();
  Step q;
  q.kind = StepKind::query;
  q.system = "@source";
  sc.channels["gp_connect"] = Channel{"gp_connect", {q}};
  sc.designs[0].rules[0].mix = {{"gp_connect", 1.0}};
  sc.systems["gp_system"].availability.incidents = {incident(48, 24)};
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  std::size_t outages = 0, seen = 0;
  for (const auto& n : sink.needs) {
    if (n.outcome == NeedOutcome::no_document) continue;
    const bool reader_down = n.time >= 48 && n.time < 72;
    EXPECT_EQ(n.outcome, reader_down ? NeedOutcome::outage : NeedOutcome::seen) << n.time;
    (reader_down ? outages : seen) += 1;
  }
  EXPECT_GT(outages, 5u);
  EXPECT_GT(seen, 50u);
}

// A query is read through its own access profile (a query view), not the source record's: with a view
// nobody opens, every document the query could show is a not_looked gap.
TEST(EngineReads, QueryIsReadThroughItsOwnAccessProfile) {
  Scenario sc = base_scenario();
  AccessProfile unopened;
  unopened.name = "unopened_view";
  unopened.look_probability = 0.0;
  sc.access_profiles["unopened_view"] = unopened;
  Step q;
  q.kind = StepKind::query;
  q.system = "@source";
  q.access = "unopened_view";
  sc.channels["gp_connect"] = Channel{"gp_connect", {q}};
  sc.designs[0].rules[0].mix = {{"gp_connect", 1.0}};
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  std::size_t with_document = 0;
  for (const auto& n : sink.needs) {
    if (n.outcome == NeedOutcome::no_document) continue;
    ++with_document;
    EXPECT_EQ(n.outcome, NeedOutcome::not_looked) << n.time;
  }
  EXPECT_GT(with_document, 0u);
}

TEST(EngineReads, SharedStoreIsAvailableOnCreationWhileUp) {
  Scenario sc = base_scenario();
  Step s;
  s.kind = StepKind::shared_store;
  sc.channels["shared_epr"] = Channel{"shared_epr", {s}};
  sc.designs[0].rules[0].mix = {{"shared_epr", 1.0}};
  sc.systems["acute_epr"].availability.incidents = {incident(48, 24)};
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  std::map<std::uint64_t, Hours> created;
  for (const auto& c : sink.created) created[c.copy_id] = c.time;
  for (const auto& a : sink.available) {
    const Hours c = created[a.copy_id];
    if (c >= 48 && c < 72)
      EXPECT_DOUBLE_EQ(a.time, 72);  // written during the outage: there once the store is back
    else
      EXPECT_DOUBLE_EQ(a.time, c);
  }
  EXPECT_EQ(sink.available.size(), sink.created.size());
  std::size_t outages = 0;
  for (const auto& n : sink.needs) {
    if (n.outcome == NeedOutcome::no_document) continue;
    const bool down = n.time >= 48 && n.time < 72;
    EXPECT_EQ(n.outcome, down ? NeedOutcome::outage : NeedOutcome::seen);
    outages += down ? 1 : 0;
  }
  EXPECT_GT(outages, 0u);
}

TEST(EngineReads, NightlyBatchWaitsForARunWithItsSystemUp) {
  Scenario sc = base_scenario();
  Step batch;
  batch.kind = StepKind::batch;
  batch.batch_every = 24;
  batch.batch_offset = 2;  // 02:00
  batch.system = "hub";
  sc.channels["nightly"] = Channel{"nightly", {batch, publish_step()}};
  sc.designs[0].rules[0].mix = {{"nightly", 1.0}};
  sc.systems["hub"].availability.planned = {PlannedDowntime{24 * 3 + 1, 0, 2}};  // down 01:00-03:00, day 3
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  ASSERT_FALSE(sink.available.empty());
  std::map<std::uint64_t, Hours> created;
  for (const auto& c : sink.created) created[c.copy_id] = c.time;
  for (const auto& a : sink.available) {
    EXPECT_NEAR(std::fmod(a.time, 24.0), 2.0, 1e-9);
    const Hours c = created[a.copy_id];
    EXPECT_GT(a.time, c - 1e-9);
    EXPECT_NE(a.time, 24 * 3 + 2);  // the day-3 run found the hub down
    if (c > 24 * 2 + 2 && c <= 24 * 3 + 2)
      EXPECT_DOUBLE_EQ(a.time, 24 * 4 + 2);
    else
      EXPECT_LE(a.time - c, 24 + 1e-9);
  }
}

}  // namespace
}  // namespace recordflow::testing
