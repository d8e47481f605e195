// Copies through channels: conservation, paper-only gaps, staff working hours.
#include <gtest/gtest.h>

#include <set>

#include "EngineTestSupport.hpp"

namespace recordflow::testing {
namespace {

TEST(EngineFlow, ConservationHoldsAtEveryMoment) {
  Scenario sc = base_scenario();
  // Lossy post alongside the message: 40 % of copies go by post, 10 % of posted letters are lost.
  sc.channels["post"].steps[1].loss_probability = 0.1;
  sc.designs[0].rules[0].mix = {{"message", 0.6}, {"post", 0.4}};
  CollectingSink sink;
  const EngineReport report = simulate(sc, 0, sink, test_options());
  EXPECT_TRUE(sink.time_order_ok);
  ASSERT_GT(sink.created.size(), 100u);
  EXPECT_GT(report.logical_events, report.actor_wakeups);

  // Replay the stream: every fate refers to a created copy, no copy has two fates, and at each event
  // created = available + in flight + lost with in flight >= 0.
  std::set<std::uint64_t> created, finished;
  std::size_t n_available = 0, n_lost = 0;
  std::vector<std::pair<Hours, int>> fates;  // +1 created, -1 finished, in time order
  for (const auto& e : sink.created) created.insert(e.copy_id);
  for (const auto& e : sink.available) {
    EXPECT_TRUE(created.count(e.copy_id));
    EXPECT_TRUE(finished.insert(e.copy_id).second);
    ++n_available;
  }
  for (const auto& e : sink.lost) {
    EXPECT_TRUE(created.count(e.copy_id));
    EXPECT_TRUE(finished.insert(e.copy_id).second);
    EXPECT_STREQ(e.reason, "transit_loss");
    ++n_lost;
  }
  for (const auto& e : sink.created) fates.emplace_back(e.time, +1);
  for (const auto& e : sink.available) fates.emplace_back(e.time, -1);
  for (const auto& e : sink.lost) fates.emplace_back(e.time, -1);
  std::stable_sort(fates.begin(), fates.end(), [](auto& a, auto& b) {
    return a.first < b.first || (a.first == b.first && a.second > b.second);
  });
  long in_flight = 0;
  for (auto [t, d] : fates) {
    in_flight += d;
    ASSERT_GE(in_flight, 0) << "at t=" << t;
  }
  EXPECT_EQ(created.size(), n_available + n_lost + static_cast<std::size_t>(in_flight));
  EXPECT_GT(n_lost, 0u);
  EXPECT_GT(in_flight, 0);  // letters posted in the last two days are still in the post
  // The engine's census at the horizon names exactly those copies, each once, with the state it is in.
  ASSERT_EQ(sink.in_flight.size(), static_cast<std::size_t>(in_flight));
  std::size_t in_post = 0;
  for (const auto& e : sink.in_flight) {
    EXPECT_TRUE(created.count(e.copy_id));
    EXPECT_TRUE(finished.insert(e.copy_id).second) << "copy " << e.copy_id << " has two fates";
    EXPECT_EQ(e.time, sc.experiment.horizon);
    if (std::string(e.state) == "in_transfer" && e.paper) ++in_post;
  }
  EXPECT_GT(in_post, 0u);
  // Staff minutes: sign-off 30 min per message, print 6 min per letter.
  double sign_off = 0;
  for (const auto& w : sink.staff)
    if (std::string(w.task) == "sign_off") sign_off += w.minutes;
  EXPECT_GT(sign_off, 0);
}

TEST(EngineFlow, PaperChannelCreatesPaperOnlyGaps) {
  Scenario sc = base_scenario();
  sc.design = "paper";
  sc.channels["post"].steps[1].latency = Distribution::fixed(0.5);  // delivered by hand in half an hour
  sc.channels["post"].steps[2].duration = Distribution::fixed(3);   // scanning takes 3 h
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  const auto outcomes = sink.outcomes();
  ASSERT_GT(sink.needs.size(), 50u);
  // The GP visit is 1 h after creation: the letter arrived at +0.6 h and is being scanned until +3.6 h.
  EXPECT_GT(outcomes.at("paper_only"), 0);
  EXPECT_EQ(outcomes.count("seen"), 0u);
  for (const auto& s : sink.steps)
    if (std::string(s.activity) == "scan") {
      EXPECT_EQ(s.organisation->name, "gp");
    }
}

// A staged programme in one run: documents created before day 10 are posted, later ones messaged.
TEST(EngineFlow, StagedRulesSwitchChannelsAtTheirBoundary) {
  Scenario sc = base_scenario();
  const Hours switch_time = 240;
  FlowRule posted = sc.designs[0].rules[0];
  posted.mix = {{"post", 1.0}};
  posted.active_until = switch_time;
  sc.designs[0].rules.push_back(posted);  // same specificity, later: wins while active
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  std::size_t before = 0, after = 0;
  for (const auto& c : sink.created) {
    const std::string channel = *c.channel;
    if (c.time < switch_time) {
      EXPECT_EQ(channel, "post") << c.time;
      ++before;
    } else {
      EXPECT_EQ(channel, "message") << c.time;
      ++after;
    }
  }
  EXPECT_GT(before, 0u);
  EXPECT_GT(after, 0u);
}

TEST(EngineFlow, MessagingIsSeenAtTheNextVisit) {
  Scenario sc = base_scenario();
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  const auto outcomes = sink.outcomes();
  ASSERT_GT(sink.needs.size(), 50u);
  EXPECT_EQ(outcomes.at("seen"), static_cast<int>(sink.needs.size()));
  // Delay = 0.5 h sign-off (4 secretaries, no queue to speak of).
  std::map<std::uint64_t, Hours> created;
  for (const auto& c : sink.created) created[c.copy_id] = c.time;
  for (const auto& a : sink.available) EXPECT_GE(a.time - created[a.copy_id], 0.5 - 1e-9);
  EXPECT_FALSE(sink.processed.empty());
}

TEST(EngineFlow, StaffHoursHoldAFridayEveningLetterUntilMonday) {
  Scenario sc = base_scenario();
  // Ward encounters happen only on Friday 17:00-18:00; the summary is written at the start (+1 h) and
  // the secretaries work weekdays 09:00-17:00.
  sc.calendars["friday_evening"] = Calendar::weekly({{4 * 24 + 17, 4 * 24 + 18}});
  sc.organisations[0].calendar = "friday_evening";
  sc.organisations[0].staff[0].calendar = "office";
  sc.organisations[0].staff[0].count = 1000;  // no queueing: only the shift matters
  sc.pathways[0].states[0].creates[0].at_end = false;
  sc.experiment.horizon = 24 * 10;
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  ASSERT_FALSE(sink.created.empty());
  for (const auto& c : sink.created) {  // created Friday between 18:00 and 19:00
    EXPECT_GE(c.time, 4 * 24 + 18);
    EXPECT_LT(c.time, 4 * 24 + 19);
  }
  std::size_t signed_off = 0;
  for (const auto& s : sink.steps) {
    if (std::string(s.activity) != "sign_off") continue;
    ++signed_off;
    EXPECT_LT(s.start, 4 * 24 + 19);            // queued on Friday evening
    EXPECT_DOUBLE_EQ(s.end, 7 * 24 + 9 + 0.5);  // signed off on Monday at 09:30
  }
  EXPECT_EQ(signed_off, sink.created.size());
  for (const auto& a : sink.available) EXPECT_GE(a.time, 7 * 24 + 9.5 - 1e-9);
}

}  // namespace
}  // namespace recordflow::testing
