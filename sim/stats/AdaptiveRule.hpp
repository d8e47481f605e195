// AdaptiveRule: how many replications are enough (DESIGN.md "Statistics"). The answer is the smallest
// n in [min, max] at which, over replications 0..n-1, every headline metric of every design has a
// confidence half-width of at most `target_relative_half_width` * |mean|. Because n is decided on
// replication prefixes, it does not depend on how many replications ran in parallel: results stay
// identical for any number of worker processes.
#pragma once

#include <optional>
#include <vector>

#include "stats/Estimate.hpp"

namespace recordflow {

struct AdaptiveRule {
  int min = 5;
  int max = 100;
  double target_relative_half_width = 0.05;
  double confidence = kDefaultConfidence;
};

// `series[k][i]` is headline series k (a metric of a design) at replication i; every series holds the
// completed prefix 0..available-1. Returns the smallest sufficient n <= available, or none when no
// prefix up to `available` is sufficient (then run more, unless available >= rule.max).
std::optional<int> sufficient_replications(const std::vector<std::vector<double>>& series, int available,
                                           const AdaptiveRule& rule);

// Replications to run next given `available` completed: none when the rule is settled, else how many more.
// `batch` (>= 1) is how many to add at a time (usually the number of workers).
int more_replications_needed(const std::vector<std::vector<double>>& series, int available,
                             const AdaptiveRule& rule, int batch);

}  // namespace recordflow
