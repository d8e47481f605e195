// End-to-end: the demo scenario (90 days) with no warm-up and with "warm_up": "auto" (MSER-5 on the daily
// series, then a second pass measured after the chosen truncation). Prints the OLS slope of the daily
// copies created after the warm-up, with its 95 % interval, as a finding about the model.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "RunBinary.hpp"
#include "runner/AtomicFile.hpp"
#include "stats/Mser.hpp"
#include "stats/TrendSlope.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

[[maybe_unused]] ::testing::Environment* const cleanup =
    ::testing::AddGlobalTestEnvironment(new testing::ScratchCleanup("recordflow-warm-up"));

json run_demo(const std::string& name, const std::string& warm_up) {
  const fs::path out = testing::scratch_path("recordflow-warm-up", name);
  const auto r =
      testing::run_binary({"run", "scenarios/demo.json", "--out", out.string(), "--jobs", "2",
                           "--replications", "3", "--quiet", "--set", "/experiment/warm_up=" + warm_up},
                          out.string() + ".log");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(read_file(out / "results.json"));
}

// Replication `rep` of `design`: its daily series `name`.
std::vector<double> daily(const json& results, const std::string& design, int rep, const std::string& name) {
  for (const auto& r : results.at("replications"))
    if (r.at("design").get<std::string>() == design && r.at("replication").get<int>() == rep)
      for (const auto& s : r.at("series"))
        if (s.at("name").get<std::string>() == name && s.at("dims").empty())
          return s.at("values").get<std::vector<double>>();
  return {};
}

double metric(const json& results, const std::string& design, int rep, const std::string& name) {
  for (const auto& r : results.at("replications"))
    if (r.at("design").get<std::string>() == design && r.at("replication").get<int>() == rep)
      for (const auto& m : r.at("metrics"))
        if (m.at("metric").get<std::string>() == name && m.at("dims").empty())
          return m.at("value").get<double>();
  return -1;
}

std::vector<double> mean_over_replications(const json& results, const std::string& design,
                                           const std::string& name, int replications) {
  std::vector<double> mean;
  for (int rep = 0; rep < replications; ++rep) {
    const auto values = daily(results, design, rep, name);
    mean.resize(values.size(), 0.0);
    for (std::size_t d = 0; d < values.size(); ++d) mean[d] += values[d] / replications;
  }
  return mean;
}

}  // namespace

// The finding: copies created per day climb over the demo's 90 days from an empty start. The
// trend detector must see it when nothing is cut.
TEST(WarmUpEndToEnd, TrendDetectorSeesTheStartUpClimbWithoutWarmUp) {
  const json results = run_demo("no-warm-up", "0 d");
  const auto copies = mean_over_replications(results, "today", "copies_created", 3);
  ASSERT_GE(copies.size(), 80u);
  const TrendSlope slope = trend_slope(copies);
  std::cout << "demo, no warm-up, today: copies created per day, slope " << slope.slope << " per day, 95 % ["
            << slope.lower << ", " << slope.upper << "] over " << slope.n << " days\n";
  EXPECT_GT(slope.lower, 0) << "the climb from an empty start is no longer detected";
}

TEST(WarmUpEndToEnd, AutoWarmUpIsChosenByMserAndMeasuredAfterTheCut) {
  const json results = run_demo("auto", "auto");
  const json& record = results.at("manifest").at("warm_up");
  ASSERT_EQ(record.at("method").get<std::string>(), "mser-5");
  int largest = 0;
  for (const std::string& design : results.at("manifest").at("designs").get<std::vector<std::string>>()) {
    const json& d = record.at("per_design").at(design);
    int design_days = 0;
    for (const std::string name : {"copies_created", "gaps", "staff_minutes"}) {
      // The reported mean series is the mean of the replications' daily series, and the reported
      // truncation is MSER-5 of it.
      const auto mean = mean_over_replications(results, design, name, 3);
      const json& s = d.at("series").at(name);
      const auto reported_mean = s.at("daily_mean").get<std::vector<double>>();
      ASSERT_EQ(reported_mean.size(), mean.size());
      for (std::size_t i = 0; i < mean.size(); ++i)
        EXPECT_NEAR(reported_mean[i], mean[i], 1e-9 * (1 + mean[i]));
      const MserResult m = mser(reported_mean, 5);
      EXPECT_EQ(s.at("truncation_days").get<std::size_t>(), m.truncation) << design << " " << name;
      EXPECT_EQ(s.at("steady_state_found").get<bool>(), m.steady);
      design_days = std::max(design_days, static_cast<int>(m.truncation));
      if (!m.steady) {
        bool warned = false;
        for (const auto& w : record.at("warnings"))
          warned |= w.get<std::string>().find(name) != std::string::npos;
        EXPECT_TRUE(warned) << "no steady state in " << name << " but no warning";
      }
    }
    EXPECT_EQ(d.at("truncation_days").get<int>(), design_days);
    largest = std::max(largest, design_days);
  }
  ASSERT_EQ(record.at("applied_days").get<int>(), largest);
  EXPECT_DOUBLE_EQ(results.at("manifest").at("warm_up_hours").get<double>(), 24.0 * largest);
  // Measured after the cut: each replication's copies_created equals its daily series summed from the cut.
  for (const std::string& design : results.at("manifest").at("designs").get<std::vector<std::string>>()) {
    for (int rep = 0; rep < 3; ++rep) {
      const auto values = daily(results, design, rep, "copies_created");
      double after_cut = 0;
      for (std::size_t d = static_cast<std::size_t>(largest); d < values.size(); ++d) after_cut += values[d];
      EXPECT_DOUBLE_EQ(metric(results, design, rep, "copies_created"), after_cut) << design << " " << rep;
    }
  }
  const auto copies = mean_over_replications(results, "today", "copies_created", 3);
  const TrendSlope slope = trend_slope(std::vector<double>(copies.begin() + largest, copies.end()));
  std::cout << "demo, warm-up auto (" << largest << " d), today: copies created per day after it, slope "
            << slope.slope << " per day, 95 % [" << slope.lower << ", " << slope.upper
            << "]: " << (slope.contains_zero() ? "no trend detected" : "a trend remains") << "\n";
  ::testing::Test::RecordProperty("slope_after_warm_up", std::to_string(slope.slope));
  ::testing::Test::RecordProperty("slope_interval_contains_zero", slope.contains_zero() ? "yes" : "no");
}

}  // namespace recordflow
