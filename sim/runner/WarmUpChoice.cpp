#include "runner/WarmUpChoice.hpp"

#include <algorithm>
#include <map>

#include "stats/Mser.hpp"
#include "stats/TrendSlope.hpp"

namespace recordflow {
namespace {

constexpr std::size_t kBatchDays = 5;

// The mean over replications of one design's daily series `name` (no dimensions), day by day.
std::vector<double> mean_series(const std::vector<PointReplication>& results, const std::string& design,
                                const std::string& name) {
  std::vector<double> sum;
  int count = 0;
  for (const auto& r : results) {
    if (r.result.design != design) continue;
    for (const auto& s : r.result.series) {
      if (s.name != name || !s.dims.empty()) continue;
      if (sum.size() < s.values.size()) sum.resize(s.values.size(), 0.0);
      for (std::size_t d = 0; d < s.values.size(); ++d) sum[d] += s.values[d];
      ++count;
    }
  }
  for (double& v : sum) v /= std::max(count, 1);
  return sum;
}

}  // namespace

const std::vector<std::string>& warm_up_series_names() {
  static const std::vector<std::string> kNames{"copies_created", "gaps", "staff_minutes"};
  return kNames;
}

WarmUpChoice choose_warm_up(const std::vector<PointReplication>& results,
                            const std::vector<std::string>& designs, int horizon_days) {
  WarmUpChoice choice;
  nlohmann::json per_design = nlohmann::json::object();
  for (const auto& design : designs) {
    int design_days = 0;
    nlohmann::json by_series = nlohmann::json::object();
    for (const auto& name : warm_up_series_names()) {
      const std::vector<double> daily = mean_series(results, design, name);
      const MserResult m = mser(daily, kBatchDays);
      design_days = std::max(design_days, static_cast<int>(m.truncation));
      by_series[name] = {{"truncation_days", m.truncation},
                         {"steady_state_found", m.steady},
                         {"mser_statistic", m.statistic},
                         {"daily_mean", daily}};
      if (!m.steady)
        choice.warnings.push_back(
            "design " + design + ", series " + name + ": MSER-5 is smallest in the second half of the " +
            std::to_string(horizon_days) + " days (no steady state found); the first-half minimum (day " +
            std::to_string(m.truncation) + ") is used, and results may still drift");
    }
    per_design[design] = {{"truncation_days", design_days}, {"series", std::move(by_series)}};
    choice.applied_days = std::max(choice.applied_days, design_days);
  }
  // The check that the cut did its job: the OLS slope of each mean series after it, with its 95 % interval.
  for (const auto& design : designs) {
    for (const auto& name : warm_up_series_names()) {
      nlohmann::json& entry = per_design[design]["series"][name];
      const auto daily = entry["daily_mean"].get<std::vector<double>>();
      if (daily.size() < static_cast<std::size_t>(choice.applied_days) + 3) continue;
      const TrendSlope trend =
          trend_slope(std::vector<double>(daily.begin() + choice.applied_days, daily.end()));
      entry["trend_after_warm_up"] = {{"slope_per_day", trend.slope},
                                      {"ci_low", trend.lower},
                                      {"ci_high", trend.upper},
                                      {"days", trend.n}};
      if (!trend.contains_zero())
        choice.trends.push_back("design " + design + ", series " + name +
                                ": after the warm-up the daily mean still " +
                                (trend.slope > 0 ? "rises" : "falls") + " by " + std::to_string(trend.slope) +
                                " a day (95 % interval " + std::to_string(trend.lower) + " to " +
                                std::to_string(trend.upper) + ")");
    }
  }
  choice.record = {{"method", "mser-5"},
                   {"batch_days", kBatchDays},
                   {"series", warm_up_series_names()},
                   {"rule",
                    "MSER-5 on each series averaged over replications; a design's truncation is the largest "
                    "of its series', the warm-up applied is the largest over designs"},
                   {"applied_days", choice.applied_days},
                   {"per_design", std::move(per_design)},
                   {"warnings", choice.warnings},
                   {"trends", choice.trends}};
  return choice;
}

nlohmann::json fixed_warm_up_record(double warm_up_hours) {
  return {{"method", "fixed"}, {"applied_days", warm_up_hours / 24.0}, {"warnings", nlohmann::json::array()}};
}

std::string with_warm_up_days(const std::string& scenario_text, int days) {
  nlohmann::json scenario = nlohmann::json::parse(scenario_text);
  scenario["experiment"]["warm_up"] = std::to_string(days) + " d";
  return scenario.dump();
}

}  // namespace recordflow
