// Reproducibility: the same scenario, seed and replication give a bit-identical event stream (each run in
// its own process), and two designs differing only in one channel see identical patients, journeys and
// failures (common random numbers).
#include <gtest/gtest.h>

#include <sstream>

#include "EngineTestSupport.hpp"
#include "engine/Replication.hpp"

namespace recordflow::testing {
namespace {

Scenario scenario_with_failures() {
  Scenario sc = base_scenario();
  sc.systems["hub"].availability.failures =
      RandomFailures{Distribution::exponential(40), Distribution::exponential(4)};
  sc.channels["post"].steps[1].loss_probability = 0.05;
  sc.channels["post"].steps[1].latency = Distribution::lognormal_from_median_p90(24, 72);
  sc.channels["message"].steps[0].duration = Distribution::exponential(0.5);
  return sc;
}

std::string digest_of(const Scenario& sc, int replication) {
  return run_in_child([&] {
    CollectingSink sink;
    simulate(sc, replication, sink, test_options());
    return std::to_string(sink.digest) + " " + std::to_string(sink.created.size());
  });
}

TEST(EngineDeterminism, SameSeedSameEventStreamInSeparateProcesses) {
  const Scenario sc = scenario_with_failures();
  const std::string a = digest_of(sc, 3);
  const std::string b = digest_of(sc, 3);
  const std::string c = digest_of(sc, 4);
  ASSERT_NE(a, "child failed");
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

// The wake quantum only sizes the batches of events the agenda actor hands the model between looks at
// SimGrid: the event stream is the same with one instant per batch (quantum 0) as with the default or six
// hours. SimGrid wake-ups happen only where the model must wait for SimGrid (host changes, item ends).
TEST(EngineDeterminism, WakeQuantumDoesNotChangeTheEventStream) {
  const Scenario sc = scenario_with_failures();
  auto run = [&](Hours quantum) {
    return run_in_child([&] {
      CollectingSink sink;
      const EngineReport r = engine::run_replication(sc, 2, sink, test_options(), quantum);
      return std::to_string(sink.digest) + " wakeups " + std::to_string(r.actor_wakeups);
    });
  };
  const std::string exact = run(0.0);
  const std::string batched = run(engine::kDefaultWakeQuantum);
  const std::string coarse = run(6.0);
  ASSERT_NE(exact, "child failed");
  auto digest = [](const std::string& s) { return s.substr(0, s.find(' ')); };
  auto wakeups = [](const std::string& s) { return std::stoull(s.substr(s.rfind(' ') + 1)); };
  EXPECT_EQ(digest(exact), digest(batched));
  EXPECT_EQ(digest(exact), digest(coarse));
  EXPECT_GE(wakeups(exact), wakeups(coarse));
  EXPECT_GT(wakeups(exact), 0u) << "the scenario's failures are sync points the actor waits for";
}

// What a design must not change: arrivals, journeys (encounters and the copies they create) and failures.
std::string journey_trace(const Scenario& sc) {
  return run_in_child([&] {
    CollectingSink sink;
    simulate(sc, 1, sink, test_options());
    std::ostringstream out;
    out.precision(17);
    for (const auto& c : sink.created) out << "C" << c.patient_id << "@" << c.time << ";";
    for (const auto& n : sink.needs)
      out << "N" << n.encounter_id << "@" << n.time << n.organisation->name << ";";
    for (const auto& s : sink.states) out << "S" << *s.system << s.up << "@" << s.time << ";";
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char ch : out.str()) h = (h ^ ch) * 0x100000001b3ULL;
    return std::to_string(h) + " " + std::to_string(sink.needs.size()) + " " +
           std::to_string(sink.states.size());
  });
}

TEST(EngineDeterminism, DesignsShareArrivalsJourneysAndFailures) {
  Scenario messaging = scenario_with_failures();
  Scenario paper = scenario_with_failures();
  paper.design = "paper";
  const std::string a = journey_trace(messaging);
  const std::string b = journey_trace(paper);
  ASSERT_NE(a, "child failed");
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace recordflow::testing
