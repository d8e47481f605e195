#include "stats/AdaptiveRule.hpp"

#include <algorithm>
#include <span>

namespace recordflow {

std::optional<int> sufficient_replications(const std::vector<std::vector<double>>& series, int available,
                                           const AdaptiveRule& rule) {
  const int low = std::max(rule.min, 2);
  const int high = std::min(available, rule.max);
  for (int n = low; n <= high; ++n) {
    bool all_met = true;
    for (const auto& values : series) {
      if (static_cast<int>(values.size()) < n) return std::nullopt;
      const Estimate e =
          estimate(std::span<const double>(values.data(), static_cast<std::size_t>(n)), rule.confidence);
      if (!meets_relative_precision(e, rule.target_relative_half_width)) {
        all_met = false;
        break;
      }
    }
    if (all_met) return n;
  }
  return std::nullopt;
}

int more_replications_needed(const std::vector<std::vector<double>>& series, int available,
                             const AdaptiveRule& rule, int batch) {
  const int target_min = std::max(rule.min, 1);
  if (available < target_min) return target_min - available;
  if (available >= rule.max) return 0;
  if (sufficient_replications(series, available, rule)) return 0;
  return std::min(std::max(batch, 1), rule.max - available);
}

}  // namespace recordflow
