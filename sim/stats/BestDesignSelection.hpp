// BestDesignSelection: names the best of k designs on one metric with a stated probability of correct
// selection, a two-stage indifference-zone procedure valid under common random numbers (Clark and Yang
// 1986; Nelson and Matejcik 1995, "procedure B"): from n0 first-stage replications of every design,
// S_il^2 is the variance of the paired differences of designs i and l; every design then runs
//   N = max(n0, max over pairs ceil((t * S_il / delta)^2)),  t = t(1 - alpha / (k - 1), n0 - 1),
// replications in total (the same N for all, so the comparison stays paired), and the design with the
// best mean over N is selected. When the best design's true mean beats every other by at least delta
// (the indifference zone, in the metric's units), it is selected with probability >= 1 - alpha whatever
// the correlation between designs (Bonferroni over the k - 1 pairs with the best).
#pragma once

#include <functional>
#include <vector>

namespace recordflow {

struct SelectionRule {
  double indifference = 0;  // delta > 0, in the metric's units
  double alpha = 0.05;      // 1 - alpha is the guaranteed probability of correct selection
  int first_stage = 10;     // n0 >= 2
  bool larger_is_better = true;
};

// N from the first stage: `first[d]` holds design d's n0 first-stage values, replication-aligned (CRN).
int selection_replications(const std::vector<std::vector<double>>& first, const SelectionRule& rule);

struct Selection {
  int best = -1;              // index of the selected design
  std::vector<double> means;  // each design's mean over the replications given
  int replications = 0;
};

// Selects over all N replications of every design (first stage included).
Selection select_best(const std::vector<std::vector<double>>& values, const SelectionRule& rule);

// The whole procedure: `replications(count)` returns replications 0..count-1 of every design
// (replication-aligned, common random numbers); it is asked for n0, then for N when N > n0. What
// `recordflow select` runs, and what the tests measure the probability of correct selection on.
using ReplicationSource = std::function<std::vector<std::vector<double>>(int count)>;
Selection select_in_two_stages(const ReplicationSource& replications, const SelectionRule& rule);

}  // namespace recordflow
