// Delay, conservation and warm-up filtering of copies, checked against values computed by hand.
#include <gtest/gtest.h>

#include "RecorderFixture.hpp"

namespace recordflow::testing {
namespace {

class DelayTest : public RecorderTest {};

// Copy 1 is created in the warm-up and ignored even though it arrives later. Measured: discharge
// summaries 2 (delay 10), 3 (delay 30), 4 (lost), 5 (in flight); ed summary 6 (delay 1).
TEST_F(DelayTest, CountsDelaysAndFatesPerFlowAndOverall) {
  create(1, 10);
  create(2, 24);  // exactly at the warm-up: counts
  create(3, 30);
  arrive(1, 30);
  arrive(2, 34);
  create(4, 40);
  create(5, 50);
  lose(4, 50);
  create(6, 60, "ed_summary", gp(2));
  arrive(3, 60);
  arrive(6, 61);
  arrive(6, 62);  // a second availability is ignored
  lose(2, 70);    // a copy cannot be lost after it is available
  still_in_flight(5, 240, "staff_waiting", true);
  still_in_flight(4, 240);  // lost already: not in flight
  const ReplicationResult r = recorder().finish(240);

  const Dimensions discharge = flow();
  EXPECT_EQ(r.get("copies_created", discharge), 4);
  EXPECT_EQ(r.get("copies_available", discharge), 2);
  EXPECT_EQ(r.get("copies_lost", discharge), 1);
  EXPECT_EQ(r.get("copies_in_flight", discharge), 1);
  EXPECT_DOUBLE_EQ(r.get("share_lost", discharge), 0.25);
  EXPECT_DOUBLE_EQ(r.get("share_within_target", discharge), 0.25);  // only copy 2 within 24 h
  EXPECT_DOUBLE_EQ(r.get("delay_mean", discharge), 20);
  EXPECT_DOUBLE_EQ(r.get("delay_p50", discharge), 20);
  EXPECT_DOUBLE_EQ(r.get("delay_p90", discharge), 28);

  const Dimensions ed = flow("ed_summary");
  EXPECT_EQ(r.get("copies_created", ed), 1);
  EXPECT_DOUBLE_EQ(r.get("delay_p99", ed), 1);
  EXPECT_EQ(r.get("share_within_target", ed, -1), -1) << "no target: omitted";

  // Overall: delays {1, 10, 30}; type 7 quantiles h = 2p.
  EXPECT_EQ(r.get("copies_created"), 5);
  EXPECT_EQ(r.get("copies_available"), 3);
  EXPECT_EQ(r.get("copies_lost"), 1);
  EXPECT_EQ(r.get("copies_in_flight"), 1);
  EXPECT_EQ(r.get("copies_in_flight", {{"medium", "paper"}, {"state", "staff_waiting"}}), 1);
  EXPECT_DOUBLE_EQ(r.get("delay_mean"), 41.0 / 3.0);
  EXPECT_DOUBLE_EQ(r.get("delay_p50"), 10);
  EXPECT_DOUBLE_EQ(r.get("delay_p90"), 26);
  EXPECT_DOUBLE_EQ(r.get("delay_p95"), 28);
  EXPECT_DOUBLE_EQ(r.get("delay_p99"), 29.6);
  EXPECT_DOUBLE_EQ(r.get("share_within_target"), 0.25) << "over copies of documents with a target";
  EXPECT_DOUBLE_EQ(r.get("share_lost"), 0.2);

  // Daily series counts every day, warm-up included: day 0 has copy 1.
  const auto& series = r.series;
  auto created = std::find_if(series.begin(), series.end(),
                              [](const TimeSeries& s) { return s.name == "copies_created"; });
  ASSERT_NE(created, series.end());
  EXPECT_EQ(created->values, (std::vector<double>{1, 3, 2, 0, 0, 0, 0, 0, 0, 0}));
}

TEST_F(DelayTest, ConservationHoldsForEveryFlow) {
  for (std::uint64_t id = 0; id < 1000; ++id) {
    create(id, 24 + static_cast<double>(id) * 0.1, id % 3 == 0 ? "ed_summary" : "discharge_summary",
           gp(1 + static_cast<int>(id % 2)));
  }
  for (std::uint64_t id = 0; id < 1000; id += 2) arrive(id, 200);
  for (std::uint64_t id = 1; id < 1000; id += 5) lose(id, 200);
  for (std::uint64_t id = 0; id < 1000; ++id)
    if (id % 2 != 0 && id % 5 != 1) still_in_flight(id, 240);
  const ReplicationResult r = recorder().finish(240);
  for (const MetricValue& m : r.metrics) {
    if (m.name != "copies_created") continue;
    EXPECT_EQ(m.value, r.get("copies_available", m.dims) + r.get("copies_lost", m.dims) +
                           r.get("copies_in_flight", m.dims));
  }
  EXPECT_EQ(r.get("copies_created"), 1000);
  EXPECT_EQ(r.get("copies_available"), 500);
  EXPECT_EQ(r.get("copies_lost"), 100);
  EXPECT_EQ(r.get("copies_in_flight"), 400);
}

// In flight is what the engine reports at the horizon, not created - available - lost: a copy the engine
// loses track of (no fate, no census entry) shows up as a conservation failure.
TEST_F(DelayTest, InFlightIsCountedNotDerived) {
  for (std::uint64_t id = 1; id <= 3; ++id) create(id, 30);
  arrive(1, 40);
  still_in_flight(2, 240, "system_queue");
  const ReplicationResult r = recorder().finish(240);
  EXPECT_EQ(r.get("copies_created"), 3);
  EXPECT_EQ(r.get("copies_in_flight"), 1);
  EXPECT_NE(r.get("copies_created"),
            r.get("copies_available") + r.get("copies_lost") + r.get("copies_in_flight"));
  EXPECT_EQ(r.get("copies_in_flight", {{"medium", "electronic"}, {"state", "system_queue"}}), 1);
}

TEST_F(DelayTest, PercentilesOfOneToTenFollowTheLinearDefinition) {
  for (std::uint64_t id = 1; id <= 10; ++id) create(id, 100);
  for (std::uint64_t id = 10; id >= 1; --id) arrive(id, 100 + static_cast<double>(id));  // delays 10..1
  const ReplicationResult r = recorder().finish(240);
  EXPECT_DOUBLE_EQ(r.get("delay_mean"), 5.5);
  EXPECT_DOUBLE_EQ(r.get("delay_p50"), 5.5);
  EXPECT_DOUBLE_EQ(r.get("delay_p90"), 9.1);
  EXPECT_DOUBLE_EQ(r.get("delay_p95"), 9.55);
  EXPECT_DOUBLE_EQ(r.get("delay_p99"), 9.91);
  EXPECT_DOUBLE_EQ(r.get("share_within_target"), 1.0);
}

TEST_F(DelayTest, FlowsOfThePathwaysReportZerosWhenNoCopyWasCreated) {
  const ReplicationResult r = recorder().finish(240);
  EXPECT_EQ(r.get("copies_created", flow(), -1), 0);
  EXPECT_EQ(r.get("copies_in_flight", flow(), -1), 0);
  EXPECT_EQ(r.get("delay_mean", flow(), -1), -1) << "no available copy: no delay";
  EXPECT_EQ(r.get("share_lost", flow(), -1), -1) << "no copy: no share";
  EXPECT_EQ(r.get("copies_created", {}, -1), 0);
}

TEST_F(DelayTest, SparseCopyIdsAreRecordedToo) {
  const std::uint64_t ids[] = {7, 1'000'000'000'000ULL, 3, 1ULL << 63};
  for (std::uint64_t id : ids) create(id, 30);
  for (std::uint64_t id : ids) arrive(id, 32);
  const ReplicationResult r = recorder().finish(240);
  EXPECT_EQ(r.get("copies_available"), 4);
  EXPECT_DOUBLE_EQ(r.get("delay_p99"), 2);
}

TEST_F(DelayTest, MetricsAreSortedByNameThenDimensions) {
  create(1, 30);
  create(2, 30, "ed_summary");
  const ReplicationResult r = recorder().finish(240);
  for (std::size_t i = 1; i < r.metrics.size(); ++i) {
    const MetricValue& a = r.metrics[i - 1];
    const MetricValue& b = r.metrics[i];
    EXPECT_TRUE(std::tie(a.name, a.dims) < std::tie(b.name, b.dims)) << a.name << " / " << b.name;
  }
  EXPECT_EQ(r.design, "today");
  EXPECT_EQ(r.replication, 3);
  EXPECT_EQ(r.seed, 42u);
}

TEST_F(DelayTest, FinishTwiceIsAnError) {
  recorder().finish(240);
  EXPECT_THROW(recorder().finish(240), std::logic_error);
}

}  // namespace
}  // namespace recordflow::testing
