#include "stats/TrendSlope.hpp"

#include <cmath>
#include <stdexcept>

#include "stats/Estimate.hpp"

namespace recordflow {

TrendSlope trend_slope(const std::vector<double>& series, double confidence) {
  const std::size_t n = series.size();
  if (n < 3) throw std::invalid_argument("trend_slope: needs at least 3 values");
  const double x_mean = static_cast<double>(n - 1) / 2;
  double y_mean = 0;
  for (double y : series) y_mean += y;
  y_mean /= static_cast<double>(n);
  double sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = static_cast<double>(i) - x_mean;
    sxx += dx * dx;
    sxy += dx * (series[i] - y_mean);
  }
  TrendSlope result;
  result.n = static_cast<int>(n);
  result.slope = sxy / sxx;
  double residuals = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double fitted = y_mean + result.slope * (static_cast<double>(i) - x_mean);
    residuals += (series[i] - fitted) * (series[i] - fitted);
  }
  const double standard_error = std::sqrt(residuals / static_cast<double>(n - 2) / sxx);
  const double t = student_t_quantile(1 - (1 - confidence) / 2, static_cast<double>(n - 2));
  result.lower = result.slope - t * standard_error;
  result.upper = result.slope + t * standard_error;
  return result;
}

}  // namespace recordflow
