#include "recorder/Quantiles.hpp"

#include <cmath>
#include <cstddef>

namespace recordflow {

double quantile_type7(const std::vector<double>& sorted, double p) {
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const double floor_h = std::floor(h);
  const auto lo = static_cast<std::size_t>(floor_h);
  if (lo + 1 >= sorted.size()) return sorted.back();
  return sorted[lo] + (h - floor_h) * (sorted[lo + 1] - sorted[lo]);
}

double mean_of(const std::vector<double>& values) {
  if (values.empty()) return 0;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

}  // namespace recordflow
