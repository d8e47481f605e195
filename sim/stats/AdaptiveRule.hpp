// AdaptiveRule: how many replications are enough (DESIGN.md "Statistics"), as a two-stage rule. A pilot
// of n0 = max(min, 10) replications estimates each headline series' mean and standard deviation; from
// them the rule plans N fresh replications (n0..n0+N-1, min(n0, max) <= N <= max) such that the 95 %
// half-width is expected to be at most gamma / (1 + gamma) * |mean|, gamma the target relative error.
// Only the N fresh replications are reported: the interval never uses the data that chose N, so given N
// it is an ordinary Student-t interval of independent replications (coverage 1 - alpha for normal data),
// and gamma / (1 + gamma) makes |mean - true mean| <= gamma * |true mean| with the same probability
// (Law & Kelton, Simulation Modeling and Analysis, 5th ed., 9.4.1). The plan depends only on the pilot,
// never on how many replications ran in parallel: results stay identical for any number of workers.
#pragma once

#include <span>
#include <vector>

#include "stats/Estimate.hpp"

namespace recordflow {

// Fewer pilot replications give a standard deviation too noisy to plan with (t(0.975, 9) = 2.26).
constexpr int kSoundPilotReplications = 10;

struct AdaptiveRule {
  int min = kSoundPilotReplications;         // pilot size asked for; raised to kSoundPilotReplications
  int max = 100;                             // most replications the second stage may report
  double target_relative_half_width = 0.05;  // gamma: relative error of the mean, > 0
  double confidence = kDefaultConfidence;
};

// n0 = max(min, kSoundPilotReplications): replications 0..n0-1 are the pilot.
int pilot_replications(const AdaptiveRule& rule);

// gamma / (1 + gamma): the half-width relative to the estimated mean that bounds the relative error by
// gamma.
double relative_half_width_target(double gamma);

// Replications a series needs, planned from its pilot values: the smallest n in [low, rule.max] with
// t(1 - alpha/2, n - 1) * sd / sqrt(n) <= target * |mean|; rule.max when none (or the mean is 0 with
// sd > 0); `low` when sd == 0. `low` = min(n0, max).
int planned_replications(std::span<const double> pilot, const AdaptiveRule& rule);

// The second stage's N for every series (`pilot[k]` = series k over replications 0..n0-1): the largest
// of their planned_replications.
int second_stage_replications(const std::vector<std::vector<double>>& pilot, const AdaptiveRule& rule);

}  // namespace recordflow
