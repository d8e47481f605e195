#include "stats/AdaptiveRule.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>

namespace recordflow {

int pilot_replications(const AdaptiveRule& rule) {
  return std::max(rule.min, kSoundPilotReplications);
}

double relative_half_width_target(double gamma) {
  return gamma / (1 + gamma);
}

int planned_replications(std::span<const double> pilot, const AdaptiveRule& rule) {
  const int max = std::max(rule.max, 2);
  const int low = std::clamp(pilot_replications(rule), 2, max);
  const Estimate e = estimate(pilot, rule.confidence);
  if (!e.sd) return max;
  if (*e.sd == 0) return low;
  const double allowed = relative_half_width_target(rule.target_relative_half_width) * std::fabs(e.mean);
  const double upper = 1 - (1 - rule.confidence) / 2;
  // t(upper, n - 1) > z(upper), so no n below (z * sd / allowed)^2 can do: start the search there.
  const double z = boost::math::quantile(boost::math::normal_distribution<double>(), upper);
  const double start = std::ceil(std::pow(z * *e.sd / allowed, 2));
  if (!(start <= max)) return max;
  for (int n = std::max(low, static_cast<int>(start)); n <= max; ++n)
    if (student_t_quantile(upper, n - 1) * *e.sd / std::sqrt(static_cast<double>(n)) <= allowed) return n;
  return max;
}

int second_stage_replications(const std::vector<std::vector<double>>& pilot, const AdaptiveRule& rule) {
  int n = std::clamp(pilot_replications(rule), 2, std::max(rule.max, 2));
  for (const auto& series : pilot) n = std::max(n, planned_replications(series, rule));
  return n;
}

}  // namespace recordflow
