// Systems that fail: store and forward, fail and retry, downtime procedures with back-entry, and
// interfaces that silently withhold items until detected.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>

#include "EngineTestSupport.hpp"
#include "engine/Replication.hpp"

namespace recordflow::testing {
namespace {

std::map<std::uint64_t, Hours> available_times(const CollectingSink& sink) {
  std::map<std::uint64_t, Hours> m;
  for (const auto& a : sink.available) m[a.copy_id] = a.time;
  return m;
}

TEST(EngineOutage, HubOutageGivesOutageGapsAndAQueueThatDrains) {
  Scenario sc = base_scenario();
  sc.systems["hub"].availability.incidents = {incident(48, 24)};
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  ASSERT_EQ(sink.states.size(), 2u);
  EXPECT_FALSE(sink.states[0].up);
  EXPECT_DOUBLE_EQ(sink.states[0].time, 48);
  EXPECT_TRUE(sink.states[1].up);
  EXPECT_DOUBLE_EQ(sink.states[1].time, 72);
  std::size_t longest = 0;
  Hours last_hub_time = 0;
  std::size_t last_hub_length = 99;
  for (const auto& q : sink.queues) {
    if (*q.queue != "hub") continue;
    longest = std::max(longest, q.length);
    if (q.time <= 72) {
      last_hub_time = q.time;
      last_hub_length = q.length;
    }
  }
  EXPECT_GT(longest, 10u);
  EXPECT_DOUBLE_EQ(last_hub_time, 72);
  EXPECT_EQ(last_hub_length, 0u);  // the backlog drained at recovery
  EXPECT_GT(sink.outcomes().at("outage"), 0);
  EXPECT_TRUE(sink.lost.empty());
  // Copies that reached the hub while it was down became available at the moment it came back.
  const auto avail = available_times(sink);
  std::size_t at_recovery = 0;
  for (const auto& [id, t] : avail) at_recovery += t == 72 ? 1 : 0;
  EXPECT_EQ(at_recovery, longest);
}

TEST(EngineOutage, StoreAndForwardKeepsWhatFailAndRetryLoses) {
  Scenario sc = base_scenario();
  sc.document_types["ed_summary"] = DocumentType{"ed_summary", std::nullopt, true};
  sc.channels["message_fail"] = Channel{"message_fail", {system_step("hub", true, 2, 1.0), publish_step()}};
  DocumentCreation ed;
  ed.document = "ed_summary";
  ed.to = {OrgType::primary};
  ed.delay = Distribution::fixed(1);
  sc.pathways[0].states[0].creates.push_back(ed);
  sc.designs[0].rules.push_back(rule("ed_summary", "message_fail"));
  sc.systems["hub"].availability.incidents = {incident(48, 24)};
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  std::map<std::uint64_t, std::string> document;
  for (const auto& c : sink.created) document[c.copy_id] = *c.document;
  ASSERT_FALSE(sink.lost.empty());
  for (const auto& l : sink.lost) {
    EXPECT_STREQ(l.reason, "retries_exhausted");
    EXPECT_EQ(document[l.copy_id], "ed_summary");
    EXPECT_GE(l.time, 48 + 2.0);  // two retries an hour apart after the first failure
    EXPECT_LT(l.time, 72 + 1e-9);
  }
  // Every discharge summary (store and forward) arrived.
  std::size_t ds_created = 0, ds_available = 0;
  const auto avail = available_times(sink);
  for (const auto& [id, doc] : document)
    if (doc == "discharge_summary") {
      ++ds_created;
      ds_available += avail.count(id);
    }
  EXPECT_GT(ds_created, 0u);
  EXPECT_LE(ds_created - ds_available, 10u);  // only the last hours' copies are still in flight
}

// A copy waiting to retry is an outage gap only while its system is down: the hub is down for four hours
// and a failed copy retries ten hours later, so between recovery and the retry it is on its way.
TEST(EngineOutage, ARetryWaitIsAnOutageOnlyWhileTheSystemIsDown) {
  Scenario sc = base_scenario();
  sc.channels["message_fail"] = Channel{"message_fail", {system_step("hub", true, 3, 10.0), publish_step()}};
  sc.designs[0].rules[0].mix = {{"message_fail", 1.0}};
  sc.systems["hub"].availability.incidents = {incident(48, 4)};
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  std::size_t outage_while_down = 0, in_transit_after = 0;
  for (const auto& n : sink.needs) {
    if (n.time >= 48 && n.time < 52 && n.outcome == NeedOutcome::outage) ++outage_while_down;
    if (n.time > 52 && n.time < 58) {
      EXPECT_NE(n.outcome, NeedOutcome::outage) << "hub up again at " << n.time;
      if (n.outcome == NeedOutcome::in_transit) ++in_transit_after;
    }
  }
  EXPECT_GT(outage_while_down, 0u);
  EXPECT_GT(in_transit_after, 0u);
}

TEST(EngineOutage, DowntimeProcedureThenBackEntryAfterRecovery) {
  Scenario sc = base_scenario();
  sc.systems["acute_epr"].availability.incidents = {incident(48, 24)};
  sc.organisations[0].downtime_channel = "post";
  sc.organisations[0].back_entry = BackEntry{"secretaries", Distribution::fixed(0.1), 0};
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  std::size_t downtime_copies = 0;
  for (const auto& c : sink.created) {
    const bool in_window = c.time >= 48 && c.time < 72;
    EXPECT_EQ(c.downtime, in_window);
    if (c.downtime) {
      EXPECT_EQ(*c.channel, "post");
      ++downtime_copies;
    } else {
      EXPECT_EQ(*c.channel, "message");
    }
  }
  ASSERT_GT(downtime_copies, 0u);
  EXPECT_EQ(sink.back_entered.size(), downtime_copies);  // one paper record per document
  for (const auto& b : sink.back_entered) EXPECT_GE(b.time, 72);
  double back_entry_minutes = 0;
  for (const auto& w : sink.staff)
    if (std::string(w.task) == "back_entry") back_entry_minutes += w.minutes;
  EXPECT_NEAR(back_entry_minutes, 6.0 * static_cast<double>(downtime_copies), 1e-6);
}

// Back-entry priority: at 0 the records keyed in after recovery queue in turn with the secretaries'
// sign-offs, so letters written just after recovery wait behind the whole backlog; at 1 the sign-offs go
// first and the back entries fill the gaps. The work done is the same either way.
TEST(EngineOutage, BackEntryPriorityDecidesWhetherNewLettersWaitBehindIt) {
  struct Outcome {
    double letters_delay = 0;  // mean creation -> available, message copies created in [72, 76) h
    Hours last_back_entry = 0;
    double back_entry_minutes = 0;
  };
  // One SimGrid engine per process: each run in a child, its outcome brought back as text.
  auto run = [](int priority) {
    const std::string text = run_in_child([priority] {
      Scenario sc = base_scenario();
      sc.systems["acute_epr"].availability.incidents = {incident(48, 24)};
      sc.organisations[0].downtime_channel = "post";
      sc.organisations[0].back_entry = BackEntry{"secretaries", Distribution::fixed(0.5), priority};
      sc.organisations[0].staff[0].count = 8;  // spare capacity: back entries after new work still end
      CollectingSink sink;
      simulate(sc, 0, sink, test_options());
      std::map<std::uint64_t, Hours> created;
      for (const auto& c : sink.created)
        if (c.time >= 72 && c.time < 76 && *c.channel == "message") created[c.copy_id] = c.time;
      double sum = 0;
      int n = 0;
      for (const auto& a : sink.available) {
        auto it = created.find(a.copy_id);
        if (it == created.end()) continue;
        sum += a.time - it->second;
        ++n;
      }
      Outcome out;
      out.letters_delay = n > 0 ? sum / n : -1;
      for (const auto& b : sink.back_entered) out.last_back_entry = std::max(out.last_back_entry, b.time);
      for (const auto& w : sink.staff)
        if (std::string(w.task) == "back_entry") out.back_entry_minutes += w.minutes;
      return std::to_string(out.letters_delay) + " " + std::to_string(out.last_back_entry) + " " +
             std::to_string(out.back_entry_minutes);
    });
    Outcome out;
    std::istringstream in(text);
    EXPECT_TRUE(in >> out.letters_delay >> out.last_back_entry >> out.back_entry_minutes) << text;
    EXPECT_GT(out.letters_delay, 0) << "no letter created in [72, 76) h became available";
    return out;
  };
  const Outcome in_turn = run(0);
  const Outcome after_new = run(1);
  EXPECT_LT(after_new.letters_delay, in_turn.letters_delay);
  EXPECT_GT(after_new.last_back_entry, in_turn.last_back_entry);
  EXPECT_NEAR(after_new.back_entry_minutes, in_turn.back_entry_minutes, 1e-6);
  EXPECT_GT(in_turn.back_entry_minutes, 0);
}

TEST(EngineOutage, SilentFailureWithholdsUntilDetection) {
  Scenario sc = base_scenario();
  sc.systems["hub"].availability.silent_failures = {SilentFailure{48, 1.0, Distribution::fixed(24)}};
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  const auto avail = available_times(sink);
  std::size_t withheld = 0;
  for (const auto& c : sink.created) {
    auto it = avail.find(c.copy_id);
    ASSERT_NE(it, avail.end());
    const Hours passed_hub = c.time + 0.5;  // after sign-off
    if (passed_hub >= 48 && passed_hub < 72) {
      EXPECT_DOUBLE_EQ(it->second, 72);  // released as a backlog at detection
      ++withheld;
    }
  }
  EXPECT_GT(withheld, 10u);
  EXPECT_TRUE(sink.lost.empty());
  EXPECT_GT(sink.outcomes().at("in_transit"), 0);  // withheld items are in flight, not lost
}

}  // namespace
}  // namespace recordflow::testing

namespace recordflow::testing {
namespace {

// SimGrid's system hosts go off and on exactly when the model's timeline says (the run checks each
// change against the timeline and fails on a disagreement); here we also count them.
TEST(EngineOutage, SimGridHostsFollowTheAvailabilityTimeline) {
  Scenario sc = base_scenario();
  sc.systems["hub"].availability.failures =
      RandomFailures{Distribution::exponential(30), Distribution::exponential(3)};
  sc.systems["acute_epr"].availability.incidents = {incident(100, 10)};
  CollectingSink sink;
  engine::ReplicationStats stats;
  engine::run_replication(sc, 0, sink, test_options(), engine::kDefaultWakeQuantum, &stats);
  const std::size_t flips = sink.states.size();  // every change here flips up/down (no degraded phases)
  ASSERT_GT(flips, 4u);
  EXPECT_EQ(stats.host_state_changes, flips);
}

}  // namespace
}  // namespace recordflow::testing

namespace recordflow::testing {
namespace {

// A capacity-limited system serves one item at a time at capacity x its current share.
TEST(EngineOutage, DegradedCapacitySlowsTheServer) {
  Scenario sc = base_scenario();
  sc.systems["hub"].capacity_per_hour = 4;  // 15 min per item at full capacity
  sc.systems["hub"].availability.degraded = {CapacityPhase{0, 24 * 7, 0.5}};  // 30 min in week one
  sc.experiment.horizon = 24 * 14;
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  std::vector<Hours> week1, week2;
  for (const auto& p : sink.processed) (p.time < 24 * 7 ? week1 : week2).push_back(p.time);
  ASSERT_GT(week1.size(), 20u);
  for (std::size_t i = 1; i < week1.size(); ++i) EXPECT_GE(week1[i] - week1[i - 1], 0.5 - 1e-9);
  std::size_t fast = 0;
  for (std::size_t i = 1; i < week2.size(); ++i) fast += week2[i] - week2[i - 1] < 0.5 - 1e-9 ? 1 : 0;
  EXPECT_GT(fast, 0u);  // full speed again in week two
  for (std::size_t i = 1; i < week2.size(); ++i) EXPECT_GE(week2[i] - week2[i - 1], 0.25 - 1e-9);
}

}  // namespace
}  // namespace recordflow::testing
