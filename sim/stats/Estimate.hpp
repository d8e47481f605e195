// Estimate: the replication statistics of one metric (DESIGN.md "Statistics"): mean, sample standard
// deviation, n, and a two-sided Student-t confidence interval for the mean (95 % by default).
// With fewer than two values the standard deviation and the interval are undefined (std::nullopt);
// with values that are all equal the interval has zero width. Values are summed in the order given,
// so the same inputs give bit-identical estimates.
#pragma once

#include <optional>
#include <span>

namespace recordflow {

constexpr double kDefaultConfidence = 0.95;

struct Estimate {
  int n = 0;
  double mean = 0;                   // 0 when n == 0
  std::optional<double> sd;          // sample standard deviation (n - 1 denominator); none when n < 2
  std::optional<double> half_width;  // t(1 - alpha/2, n - 1) * sd / sqrt(n); none when n < 2
  std::optional<double> ci_low;      // mean - half_width
  std::optional<double> ci_high;     // mean + half_width
  bool has_interval() const { return half_width.has_value(); }
};

// Estimate of the mean of `values` (independent replications), `confidence` in (0, 1).
Estimate estimate(std::span<const double> values, double confidence = kDefaultConfidence);

// Quantile of Student's t distribution with `degrees_of_freedom` (> 0) at probability `p` (Boost.Math).
double student_t_quantile(double p, double degrees_of_freedom);

// Whether the estimate is precise enough: half_width <= target_relative * |mean| (an estimate of exactly
// zero with a zero-width interval passes; n < 2 never passes).
bool meets_relative_precision(const Estimate& e, double target_relative);

}  // namespace recordflow
