// WarmUpChoice on synthetic replication results: the truncation per series is MSER-5 of the mean over
// replications, a design takes the largest of its series', the run the largest over designs, and a
// series without a steady state is warned about in words, never silently.
#include <gtest/gtest.h>

#include <cmath>

#include "runner/WarmUpChoice.hpp"
#include "stats/Mser.hpp"
#include "stats/TrendSlope.hpp"

namespace recordflow {
namespace {

// Day d of a series that decays from `start` above its level with time constant `tau` days, plus a
// deterministic wiggle (different per replication) so that the tail is not flat.
std::vector<double> decay(double level, double start, double tau, int replication, int days = 100) {
  std::vector<double> v(static_cast<std::size_t>(days));
  for (int d = 0; d < days; ++d)
    v[static_cast<std::size_t>(d)] = level + start * std::exp(-d / tau) + std::sin(1.7 * d + replication);
  return v;
}

PointReplication replication(const std::string& design, int rep, std::vector<double> copies,
                             std::vector<double> gaps, std::vector<double> staff) {
  PointReplication r;
  r.result.design = design;
  r.result.replication = rep;
  r.result.series = {
      {"copies_created", {}, std::move(copies), {}},
      {"gaps", {}, std::move(gaps), {}},
      {"staff_minutes", {}, std::move(staff), {}},
      {"backlog", {{"system", "hub"}}, std::vector<double>(100, 1e6), {}}};  // not a warm-up series
  return r;
}

TEST(WarmUpChoice, LargestTruncationOverSeriesAndDesigns) {
  std::vector<PointReplication> results;
  for (int rep = 0; rep < 3; ++rep) {
    results.push_back(
        replication("a", rep, decay(50, 40, 3, rep), decay(10, 5, 1, rep), decay(100, 0, 1, rep)));
    results.push_back(
        replication("b", rep, decay(50, 40, 8, rep), decay(10, 5, 1, rep), decay(100, 0, 1, rep)));
  }
  const WarmUpChoice choice = choose_warm_up(results, {"a", "b"}, 100);
  const auto& per = choice.record.at("per_design");
  int largest = 0;
  for (const std::string design : {"a", "b"}) {
    int design_days = 0;
    for (const std::string name : {"copies_created", "gaps", "staff_minutes"}) {
      const auto& s = per.at(design).at("series").at(name);
      const MserResult m = mser(s.at("daily_mean").get<std::vector<double>>());
      EXPECT_EQ(s.at("truncation_days").get<std::size_t>(), m.truncation);
      design_days = std::max(design_days, static_cast<int>(m.truncation));
    }
    EXPECT_EQ(per.at(design).at("truncation_days").get<int>(), design_days);
    largest = std::max(largest, design_days);
  }
  // The slower transient of design b needs the longer cut, and it is applied to both designs.
  EXPECT_GT(per.at("b").at("truncation_days").get<int>(), per.at("a").at("truncation_days").get<int>());
  EXPECT_EQ(choice.applied_days, largest);
  EXPECT_EQ(choice.record.at("applied_days").get<int>(), largest);
  // One warning per series without a steady state, none for the others.
  std::size_t unsteady = 0;
  for (const std::string design : {"a", "b"})
    for (const auto& [name, series] : per.at(design).at("series").items())
      unsteady += series.at("steady_state_found").get<bool>() ? 0 : 1;
  EXPECT_EQ(choice.warnings.size(), unsteady);
  for (const std::string design : {"a", "b"}) {  // the slope after the cut is that of the mean series' tail
    const auto& s = per.at(design).at("series").at("copies_created");
    const auto mean = s.at("daily_mean").get<std::vector<double>>();
    const TrendSlope tail = trend_slope(std::vector<double>(mean.begin() + largest, mean.end()));
    EXPECT_DOUBLE_EQ(s.at("trend_after_warm_up").at("slope_per_day").get<double>(), tail.slope);
    EXPECT_DOUBLE_EQ(s.at("trend_after_warm_up").at("ci_low").get<double>(), tail.lower);
  }
  const auto mean = per.at("a").at("series").at("copies_created").at("daily_mean").get<std::vector<double>>();
  EXPECT_NEAR(mean[0], 90 + (std::sin(0.0) + std::sin(1.0) + std::sin(2.0)) / 3, 1e-9);
}

TEST(WarmUpChoice, ASeriesStillClimbingIsWarnedAbout) {
  std::vector<double> climbing(100);
  for (std::size_t d = 0; d < climbing.size(); ++d) climbing[d] = static_cast<double>(d);
  const std::vector<PointReplication> results{
      replication("today", 0, climbing, decay(10, 0, 1, 0), decay(100, 0, 1, 0))};
  const WarmUpChoice choice = choose_warm_up(results, {"today"}, 100);
  ASSERT_EQ(choice.warnings.size(), 1u);
  EXPECT_NE(choice.warnings[0].find("copies_created"), std::string::npos);
  EXPECT_NE(choice.warnings[0].find("no steady state"), std::string::npos);
  EXPECT_FALSE(choice.record.at("per_design")
                   .at("today")
                   .at("series")
                   .at("copies_created")
                   .at("steady_state_found")
                   .get<bool>());
  EXPECT_EQ(choice.record.at("warnings").size(), 1u);
  EXPECT_EQ(choice.applied_days, 50);  // the end of the first half: still applied, and said
  // After the cut the climb goes on, slope 1 a day: the trend check says so.
  const auto& trend =
      choice.record.at("per_design").at("today").at("series").at("copies_created").at("trend_after_warm_up");
  EXPECT_NEAR(trend.at("slope_per_day").get<double>(), 1.0, 1e-9);
  EXPECT_EQ(trend.at("days").get<int>(), 50);
  bool said = false;
  for (const auto& sentence : choice.trends)
    said |=
        sentence.find("copies_created") != std::string::npos && sentence.find("rises") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(WarmUpChoice, RewritesOnlyTheWarmUpOfTheScenario) {
  const std::string text = R"({"experiment":{"horizon":"90 d","warm_up":"auto","seed":3},"x":1})";
  const auto rewritten = nlohmann::json::parse(with_warm_up_days(text, 25));
  EXPECT_EQ(rewritten.at("experiment").at("warm_up").get<std::string>(), "25 d");
  EXPECT_EQ(rewritten.at("experiment").at("seed").get<int>(), 3);
  EXPECT_EQ(rewritten.at("x").get<int>(), 1);
}

}  // namespace
}  // namespace recordflow
