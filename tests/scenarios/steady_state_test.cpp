// A run of people starts from a steady state (experiment.pre_history "auto"): after the warm-up, the daily
// copies created, gaps and staff minutes of the demo and of a tenth of the region show no trend. The
// statistic: weekly totals of the daily series averaged over replications, after the warm-up, and the
// least-squares slope against the week with a 99% Student-t interval (stats/TrendSlope.hpp). If a series
// had no trend and independent weekly residuals, each interval would exclude 0 with probability 0.01,
// about 6% over the six checks; the seeds are fixed, so the outcome is reproducible. The same statistic
// flags the start-up transient of the demo run without a pre-history, so it can fail.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "../runner/RunBinary.hpp"
#include "stats/TrendSlope.hpp"

namespace recordflow::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<std::string> kSeries = {"copies_created", "gaps", "staff_minutes"};

json run(const std::string& scenario, const std::string& design, int replications,
         const std::vector<std::string>& overrides, const std::string& tag) {
  const fs::path out =
      fs::temp_directory_path() / ("recordflow-steady-" + tag + "." + std::to_string(::getpid()));
  fs::remove_all(out);
  std::vector<std::string> args{"run",
                                "scenarios/" + scenario,
                                "--out",
                                out.string(),
                                "--quiet",
                                "--jobs",
                                "2",
                                "--design",
                                design,
                                "--replications",
                                std::to_string(replications)};
  for (const auto& o : overrides) {
    args.push_back("--set");
    args.push_back(o);
  }
  const auto result = run_binary(args, out.string() + ".log");
  if (result.exit_code != 0)
    throw std::runtime_error("recordflow run " + scenario + " failed: " + result.err);
  std::ifstream in(out / "results.json");
  json results = json::parse(in);
  fs::remove_all(out);
  return results;
}

// Weekly totals after the warm-up of the named overall daily series, averaged over replications.
std::vector<double> weekly_after_warm_up(const json& results, const std::string& name) {
  const int warm_up_days = results.at("manifest").at("warm_up").at("applied_days");
  std::vector<double> mean;
  int replications = 0;
  for (const auto& r : results.at("replications")) {
    for (const auto& s : r.at("series")) {
      if (s.at("name") != name || !s.at("dims").empty()) continue;
      const auto& values = s.at("values");
      mean.resize(values.size(), 0.0);
      for (std::size_t d = 0; d < values.size(); ++d)
        mean[d] += values[d].is_null() ? 0.0 : values[d].get<double>();
      ++replications;
    }
  }
  if (replications == 0) throw std::runtime_error("no daily series " + name);
  std::vector<double> weeks;
  for (std::size_t start = static_cast<std::size_t>(warm_up_days); start + 7 <= mean.size(); start += 7) {
    double total = 0;
    for (std::size_t d = start; d < start + 7; ++d) total += mean[d] / replications;
    weeks.push_back(total);
  }
  return weeks;
}

void expect_no_trend(const json& results, const std::string& what) {
  for (const std::string& name : kSeries) {
    const std::vector<double> weeks = weekly_after_warm_up(results, name);
    ASSERT_GE(weeks.size(), 8u) << what << " " << name;
    const TrendSlope trend = trend_slope(weeks, 0.99);
    EXPECT_TRUE(trend.contains_zero())
        << what << " " << name << ": slope " << trend.slope << " per week, 99% [" << trend.lower << ", "
        << trend.upper << "], mean " << weeks.front();
  }
}

TEST(SteadyState, TheDemoOfPeopleHasNoTrendAfterTheWarmUp) {
  expect_no_trend(run("demo_people.json", "today", 5, {}, "demo"), "demo_people");
}

TEST(SteadyState, ATenthOfTheRegionOfPeopleHasNoTrendOverAYear) {
  const json results = run("region_people.json", "mixed_economy", 1,
                           {"/population/places/north/people=54000", "/population/places/south/people=45000",
                            "/population/places/east/people=45000", "/population/places/west/people=36000"},
                           "region");
  expect_no_trend(results, "a tenth of region_people");
}

TEST(SteadyState, WithoutAPreHistoryTheDemoClimbs) {
  const json results = run("demo_people.json", "today", 5, {"/experiment/pre_history=\"0 d\""}, "empty");
  const TrendSlope trend = trend_slope(weekly_after_warm_up(results, "copies_created"), 0.99);
  EXPECT_GT(trend.lower, 0) << "copies created per week climb from an empty start: slope " << trend.slope;
}

}  // namespace
}  // namespace recordflow::testing
