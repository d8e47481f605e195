// The pre-history (experiment.pre_history): journeys before time 0 whose copies are settled at once, so a
// run starts with people mid-pathway and histories of the recent past, while the run's own arrivals stay
// exactly what they are without it. Every run here audits copy conservation at each day end (settled
// copies are counted apart from the copy events). Statistical checks use fixed seeds and 4-standard-
// deviation bounds (a false failure about 6e-5 per check if the code is right).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "EngineTestSupport.hpp"
#include "PeopleTestScenarios.hpp"
#include "engine/Model.hpp"

namespace recordflow::testing {
namespace {

bool before_zero(std::uint64_t patient_id) {
  return ((patient_id >> 20) & engine::kPreHistoryArrival) != 0;
}

// Admissions of 2,000 residents at two an hour, over 20 days; `pre_history_days` before 0.
Scenario busy_place(double pre_history_days) {
  Scenario sc = one_place(2000);
  sc.pathways[0].rate_per_1000_per_hour = 1.0;
  sc.experiment.horizon = 24 * 20;
  sc.experiment.pre_history = 24 * pre_history_days;
  return sc;
}

// The copies of the run's own journeys, as "patient@time>destination;" in creation order.
std::string own_copies(const CollectingSink& sink, std::size_t& carried_on) {
  std::string out;
  carried_on = 0;
  for (const auto& c : sink.created) {
    if (before_zero(c.patient_id)) {
      ++carried_on;
      continue;
    }
    out += std::to_string(c.patient_id) + "@" + std::to_string(c.time) + ">" + c.destination->name + ";";
  }
  return out;
}

TEST(PreHistory, LeavesTheRunsOwnJourneysAsTheyAre) {
  auto run = [](double days) {
    const Scenario sc = busy_place(days);
    return run_in_child([&] {
      CollectingSink sink;
      simulate(sc, 2, sink, test_options());
      std::size_t carried_on = 0;
      const std::string own = own_copies(sink, carried_on);
      const bool none_before_zero = sink.time_order_ok && (sink.created.empty() || sink.created[0].time >= 0);
      return std::to_string(carried_on) + " " + std::to_string(none_before_zero) + " " + own;
    });
  };
  const std::string without = run(0), with = run(30);
  ASSERT_NE(without, "child failed");
  ASSERT_NE(with, "child failed");
  unsigned carried_without = 1, carried_with = 0, ordered_without = 0, ordered_with = 0;
  std::sscanf(without.c_str(), "%u %u", &carried_without, &ordered_without);
  std::sscanf(with.c_str(), "%u %u", &carried_with, &ordered_with);
  EXPECT_EQ(carried_without, 0u);
  EXPECT_GT(carried_with, 20u) << "journeys admitted in the last day before 0 write their summaries after it";
  EXPECT_EQ(ordered_with, 1u) << "no copy event before 0, and events in time order";
  const std::string own_without = without.substr(without.find(' ', without.find(' ') + 1));
  const std::string own_with = with.substr(with.find(' ', with.find(' ') + 1));
  EXPECT_GT(own_without.size(), 1000u);
  EXPECT_EQ(own_without, own_with)
      << "the run's own arrivals and their copies do not depend on the pre-history";
}

// One resident, GP visits every 3 hours: before the run's first admission writes its summary (25 h after
// it starts), a visit can only find a summary written before 0.
TEST(PreHistory, NeedsAtTheStartFindDocumentsWrittenBeforeIt) {
  for (const double days : {0.0, 30.0}) {
    Scenario sc = one_resident(Calendar::kNever);
    sc.pathways[1].rate_per_1000_per_hour = 1000.0 / 3;
    sc.experiment.horizon = 24 * 3;
    sc.experiment.pre_history = 24 * days;
    const std::string out = run_in_child([&] {
      CollectingSink sink;
      simulate(sc, 0, sink, test_options());
      unsigned early = 0, seen = 0, none = 0;
      for (const auto& need : sink.needs) {
        if (!(need.time < 25)) continue;
        ++early;
        seen += need.outcome == NeedOutcome::seen ? 1 : 0;
        none += need.outcome == NeedOutcome::no_document ? 1 : 0;
      }
      return std::to_string(early) + " " + std::to_string(seen) + " " + std::to_string(none);
    });
    ASSERT_NE(out, "child failed");
    unsigned early = 0, seen = 0, none = 0;
    std::sscanf(out.c_str(), "%u %u %u", &early, &seen, &none);
    ASSERT_GE(early, 4u);
    if (days == 0) {
      EXPECT_EQ(none, early) << "an empty world: nothing to find";
    } else {
      EXPECT_EQ(seen, early) << "ten admissions before 0 left summaries in the GP's record";
    }
  }
}

// 200 days of admissions at one an hour: a settled copy is lost with the probability its channel and
// its document give (never sent 0.1, then lost in the post 0.2), and never otherwise.
TEST(PreHistory, SettlesCopiesByTheirNeverSentAndLossDraws) {
  for (const char* design : {"messaging", "paper"}) {
    Scenario sc = base_scenario();
    sc.pathways[0].rate_per_1000_per_hour = 0.1;  // of 10,000 people
    sc.document_types["discharge_summary"].never_sent[static_cast<std::size_t>(OrgType::acute)] = 0.1;
    sc.channels["post"].steps[1].loss_probability = 0.2;
    sc.design = design;
    sc.experiment.horizon = 24;
    sc.experiment.pre_history = 24 * 200;
    const std::string out = run_in_child([&] {
      CollectingSink sink;
      const EngineReport report = simulate(sc, 1, sink, test_options());
      return std::to_string(report.pre_history_journeys) + " " + std::to_string(report.pre_history_copies) +
             " " + std::to_string(report.pre_history_copies_lost);
    });
    ASSERT_NE(out, "child failed") << design;
    unsigned long journeys = 0, copies = 0, lost = 0;
    std::sscanf(out.c_str(), "%lu %lu %lu", &journeys, &copies, &lost);
    const double expected_journeys = 200 * 24;
    EXPECT_LE(std::abs(static_cast<double>(journeys) - expected_journeys), 4 * std::sqrt(expected_journeys));
    EXPECT_GE(journeys, copies) << "one summary per admission, none for journeys whose summary falls after 0";
    EXPECT_GE(copies + 60, journeys);
    const double p = std::string(design) == "paper" ? 1 - 0.9 * 0.8 : 0.1;
    const double n = static_cast<double>(copies);
    EXPECT_LE(std::abs(static_cast<double>(lost) - n * p), 4 * std::sqrt(n * p * (1 - p)))
        << design << ": " << lost << " lost of " << copies;
  }
}

// "auto": every admission journey lasts exactly 26.25 h (24 h ward, 2 h to the GP visit, 15 min visit), so
// its length is 26.25 h; with people, never less than the history reach (a 36 h window less no warm-up).
TEST(PreHistory, AutoRunsEachPathwayAsLongAsItsJourneysOrTheHistoryReach) {
  auto hours = [](Scenario sc) {
    sc.experiment.pre_history_auto = true;
    sc.experiment.horizon = 24;
    return run_in_child([&] {
      CollectingSink sink;
      const EngineReport report = simulate(sc, 0, sink, test_options());
      std::string out;
      for (Hours h : report.pre_history_by_pathway) out += std::to_string(h) + " ";
      return out;
    });
  };
  EXPECT_EQ(hours(base_scenario()), std::to_string(26.25) + " ") << "version 1: the journey's own length";
  Scenario people = one_place(100);
  people.pathways[0].states[1].needs[0].within = 36;
  EXPECT_EQ(hours(people), std::to_string(36.0) + " ") << "version 2: the history reach";
  people.experiment.warm_up = 20;
  EXPECT_EQ(hours(people), std::to_string(26.25) + " ") << "the warm-up shortens the reach to 16 h";
}

}  // namespace
}  // namespace recordflow::testing
