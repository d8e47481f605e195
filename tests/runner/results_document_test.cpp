#include "runner/ResultsDocument.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "SyntheticResults.hpp"

namespace recordflow {

using nlohmann::json;

namespace {
const json* find(const json& array, const std::string& design, const std::string& metric, const json& dims) {
  for (const auto& e : array)
    if (e.at("design") == design && e.at("metric") == metric && e.at("dims") == dims) return &e;
  return nullptr;
}
}  // namespace

TEST(ResultsDocument, SummaryHasIntervalsForEveryMetric) {
  const auto input = testing::synthetic_run({"today", "hub"}, {0, 1}, 5);
  const json doc = build_results_document(input);
  EXPECT_EQ(doc.at("format"), "recordflow-results");
  EXPECT_EQ(doc.at("version"), 1);
  EXPECT_EQ(doc.at("summary").size(), 6u);  // 3 metrics x 2 designs
  const json* e = find(doc.at("summary"), "today", "gaps", json{{"cause", "outage"}});
  ASSERT_TRUE(e);
  EXPECT_EQ(e->at("n"), 5);
  EXPECT_DOUBLE_EQ(e->at("mean").get<double>(), 5.0);  // 3 + mean(0..4)
  EXPECT_LT(e->at("ci_low").get<double>(), 5.0);
  EXPECT_GT(e->at("ci_high").get<double>(), 5.0);
  // Declaration order of designs, then metric name, then dims.
  EXPECT_EQ(doc.at("summary")[0].at("design"), "today");
  EXPECT_EQ(doc.at("summary")[0].at("metric"), "gap_rate");
  EXPECT_EQ(doc.at("summary")[3].at("design"), "hub");
}

TEST(ResultsDocument, PairedComparisonsWithTheBaseline) {
  const auto input = testing::synthetic_run({"today", "hub"}, {0, 1}, 5);
  const json doc = build_results_document(input);
  const json* c = find(doc.at("comparisons"), "hub", "gaps", json{{"cause", "outage"}});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->at("baseline"), "today");
  EXPECT_EQ(c->at("mean_difference").get<double>(), 1.0);
  EXPECT_EQ(c->at("half_width").get<double>(), 0.0);  // the difference is the same in every pair
  EXPECT_EQ(doc.at("comparisons").size(), 3u);
}

TEST(ResultsDocument, IdenticalDesignsCompareToExactlyZero) {
  const auto input = testing::synthetic_run({"a", "b"}, {0, 0}, 4);
  const json doc = build_results_document(input);
  for (const auto& c : doc.at("comparisons")) {
    EXPECT_EQ(c.at("mean_difference").get<double>(), 0.0);
    EXPECT_EQ(c.at("ci_low").get<double>(), 0.0);
    EXPECT_EQ(c.at("ci_high").get<double>(), 0.0);
  }
}

TEST(ResultsDocument, OneReplicationHasNullIntervals) {
  const auto input = testing::synthetic_run({"today"}, {0}, 1);
  const json doc = build_results_document(input);
  for (const auto& e : doc.at("summary")) {
    EXPECT_EQ(e.at("n"), 1);
    EXPECT_TRUE(e.at("ci_low").is_null());
    EXPECT_TRUE(e.at("sd").is_null());
    EXPECT_TRUE(e.at("half_width").is_null());
  }
}

TEST(ResultsDocument, SeriesHavePerDayIntervals) {
  const auto input = testing::synthetic_run({"today"}, {0}, 3);
  const json doc = build_results_document(input);
  ASSERT_EQ(doc.at("series").size(), 1u);
  const json& s = doc.at("series")[0];
  EXPECT_EQ(s.at("name"), "backlog");
  EXPECT_EQ(s.at("mean").size(), 3u);
  EXPECT_DOUBLE_EQ(s.at("mean")[0].get<double>(), 2.0);
  EXPECT_EQ(s.at("ci_low")[1].get<double>(), 2.0);  // all equal on day 1
}

TEST(ResultsDocument, IndependentOfArrivalOrder) {
  auto input = testing::synthetic_run({"today", "hub"}, {0, 0.5}, 6);
  const std::string reference = results_text(build_results_document(input));
  std::mt19937 shuffle(7);
  for (int k = 0; k < 5; ++k) {
    std::shuffle(input.replications.begin(), input.replications.end(), shuffle);
    EXPECT_EQ(results_text(build_results_document(input)), reference);
  }
}

TEST(ResultsDocument, RoundTripsThroughItsJson) {
  const auto input = testing::synthetic_run({"today", "hub"}, {0, 2}, 3);
  const json doc = build_results_document(input);
  const json again = build_results_document(results_input_from_document(json::parse(results_text(doc))));
  EXPECT_EQ(results_text(again), results_text(doc));
}

TEST(ResultsDocument, WallTimeFieldsCanBeStripped) {
  const json doc = build_results_document(testing::synthetic_run({"today"}, {0}, 2));
  const json stripped = without_wall_time_fields(doc);
  EXPECT_FALSE(stripped.at("manifest").contains("wall_seconds"));
  EXPECT_FALSE(stripped.at("replications")[0].contains("wall_seconds"));
  EXPECT_TRUE(stripped.at("manifest").contains("seed"));
}

TEST(ResultsDocument, SweepEntriesCarryTheirPoint) {
  ResultsInput input = testing::synthetic_run({"today"}, {0}, 2);
  input.points = {json{{"/population", 1000}}, json{{"/population", 2000}}};
  input.replications.push_back(testing::synthetic("today", 0, 5, 1));
  input.replications.push_back(testing::synthetic("today", 1, 5, 1));
  const json doc = build_results_document(input);
  EXPECT_EQ(doc.at("manifest").at("points").size(), 2u);
  EXPECT_EQ(doc.at("summary").size(), 6u);
  EXPECT_EQ(doc.at("summary").back().at("point"), 1);
  EXPECT_EQ(doc.at("replications").back().at("point"), 1);
}

}  // namespace recordflow

namespace recordflow {

TEST(ResultsDocument, AbsentCountsAreZeroAbsentDelaysAreUndefined) {
  ResultsInput input = testing::synthetic_run({"today"}, {0}, 3);
  for (auto& r : input.replications) {  // only replication 1 saw this flow
    if (r.result.replication != 1) continue;
    r.result.metrics.push_back({"copies_lost", {{"document", "letter"}}, 6.0});
    r.result.metrics.push_back({"delay_p90", {{"document", "letter"}}, 30.0});
  }
  const json doc = build_results_document(input);
  const json* lost = find(doc.at("summary"), "today", "copies_lost", json{{"document", "letter"}});
  ASSERT_TRUE(lost);
  EXPECT_EQ(lost->at("n"), 3);
  EXPECT_DOUBLE_EQ(lost->at("mean").get<double>(), 2.0);
  const json* delay = find(doc.at("summary"), "today", "delay_p90", json{{"document", "letter"}});
  ASSERT_TRUE(delay);
  EXPECT_EQ(delay->at("n"), 1);
  EXPECT_TRUE(delay->at("ci_low").is_null());
}

}  // namespace recordflow
