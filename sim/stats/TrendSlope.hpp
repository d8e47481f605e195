// TrendSlope: the ordinary least-squares slope of a series y_0..y_{n-1} against its index (per day for
// a daily series) with a two-sided Student-t confidence interval on n - 2 degrees of freedom (residuals
// assumed independent; autocorrelated daily totals make the interval too narrow, so a slope whose
// interval excludes 0 is a trend to look at, not a proof). Used to check a series for drift after the
// warm-up: no trend when the interval contains 0.
#pragma once

#include <vector>

namespace recordflow {

struct TrendSlope {
  double slope = 0;  // units of y per index step
  double lower = 0;
  double upper = 0;
  int n = 0;
  bool contains_zero() const { return lower <= 0 && 0 <= upper; }
};

// Needs n >= 3 values; throws std::invalid_argument otherwise.
TrendSlope trend_slope(const std::vector<double>& series, double confidence = 0.95);

}  // namespace recordflow
