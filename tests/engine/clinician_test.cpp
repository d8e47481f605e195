// What the clinician does at a need: looks (or not), finds an older version (stale), phones the source.
#include <gtest/gtest.h>

#include <cstdio>

#include "EngineTestSupport.hpp"

namespace recordflow::testing {
namespace {

TEST(EngineClinician, NotLookedAndPhoneCalls) {
  Scenario sc = base_scenario();
  AccessProfile portal;
  portal.name = "portal";
  portal.look_probability = 0.5;
  portal.look_time = Distribution::fixed(0.1);
  portal.phone_probability = 1.0;
  portal.phone_time = Distribution::fixed(0.2);
  portal.phone_success_probability = 0.5;
  sc.access_profiles["portal"] = portal;
  sc.systems["gp_system"].access_profile = "portal";
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  const auto outcomes = sink.outcomes();
  const int seen = outcomes.at("seen"), not_looked = outcomes.at("not_looked");
  ASSERT_GT(seen + not_looked, 200);
  EXPECT_NEAR(static_cast<double>(not_looked) / (seen + not_looked), 0.5, 0.1);
  int phoned = 0, obtained = 0;
  for (const auto& n : sink.needs) {
    EXPECT_EQ(n.phoned, n.outcome == NeedOutcome::not_looked);
    phoned += n.phoned;
    obtained += n.phone_obtained;
  }
  EXPECT_NEAR(static_cast<double>(obtained) / phoned, 0.5, 0.12);
  double look = 0, phone = 0;
  for (const auto& w : sink.staff) {
    if (std::string(w.task) == "look") look += w.minutes;
    if (std::string(w.task) == "phone") phone += w.minutes;
  }
  EXPECT_NEAR(look, 6.0 * seen, 1e-6);  // one look of 6 min per encounter that looked
  EXPECT_NEAR(phone, 12.0 * phoned, 1e-6);
}

TEST(EngineClinician, OlderVersionSeenIsStale) {
  Scenario sc = base_scenario();
  // A summary at admission (+1 h) and another at discharge (+1 h); the hub is down from day 2 to day 4,
  // so for discharges in that window the newest copy waits at the hub while the admission copy is there.
  DocumentCreation at_admission = sc.pathways[0].states[0].creates[0];
  at_admission.at_end = false;
  sc.pathways[0].states[0].creates.push_back(at_admission);
  Incident inc;
  inc.name = "hub";
  inc.start = 48;
  inc.duration = 48;
  sc.systems["hub"].availability.incidents = {inc};
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  const auto outcomes = sink.outcomes();
  EXPECT_GT(outcomes.at("stale"), 0);
  for (const auto& n : sink.needs) {
    if (n.outcome == NeedOutcome::stale) {
      // Admitted at A < 46.5 (first copy through the hub before 48) and discharged into the outage:
      // the visit at A + 26 falls in [48.5, 72.5).
      EXPECT_GE(n.time, 48.5);
      EXPECT_LT(n.time, 72.5);
      EXPECT_FALSE(n.phoned);
    }
  }
}

TEST(EngineClinician, RecencyWindowsCountFromTheClinicalEvent) {
  // The summary is written 1 h after discharge and the GP visit is 2 h after discharge: a window of 1.5 h
  // holds the writing but not the discharge, so no need finds it; a window of 2.5 h holds both.
  for (const Hours within : {1.5, 2.5}) {
    Scenario sc = base_scenario();
    sc.pathways[0].states[1].needs[0].within = within;
    CollectingSink sink;
    const std::string out = run_in_child([&sc, &sink] {
      simulate(sc, 0, sink, test_options());
      std::size_t found = 0;
      for (const auto& n : sink.needs) found += n.outcome != NeedOutcome::no_document;
      return std::to_string(sink.needs.size()) + " " + std::to_string(found);
    });
    std::size_t needs = 0, found = 0;
    std::sscanf(out.c_str(), "%zu %zu", &needs, &found);
    ASSERT_GT(needs, 200u) << out;
    if (within < 2)
      EXPECT_EQ(found, 0u) << "a window shorter than the time since discharge finds nothing";
    else
      EXPECT_EQ(found, needs) << "every summary written before the visit is within 2.5 h of its discharge";
  }
}

TEST(EngineClinician, AbandonedLettersAreLost) {
  Scenario sc = base_scenario();
  sc.channels["message"].steps[0].abandon_probability = 0.25;
  CollectingSink sink;
  simulate(sc, 0, sink, test_options());
  ASSERT_GT(sink.created.size(), 200u);
  for (const auto& l : sink.lost) EXPECT_STREQ(l.reason, "abandoned");
  EXPECT_NEAR(static_cast<double>(sink.lost.size()) / static_cast<double>(sink.created.size()), 0.25, 0.06);
  EXPECT_GT(sink.outcomes().at("lost"), 0);
}

}  // namespace
}  // namespace recordflow::testing
