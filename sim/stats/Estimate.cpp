#include "stats/Estimate.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <stdexcept>

namespace recordflow {

double student_t_quantile(double p, double degrees_of_freedom) {
  if (!(degrees_of_freedom > 0))
    throw std::invalid_argument("student_t_quantile: degrees of freedom must be > 0");
  if (!(p > 0 && p < 1)) throw std::invalid_argument("student_t_quantile: probability must be in (0, 1)");
  const boost::math::students_t_distribution<double> t(degrees_of_freedom);
  return boost::math::quantile(t, p);
}

Estimate estimate(std::span<const double> values, double confidence) {
  if (!(confidence > 0 && confidence < 1))
    throw std::invalid_argument("estimate: confidence must be in (0, 1)");
  Estimate e;
  e.n = static_cast<int>(values.size());
  if (values.empty()) return e;
  double sum = 0;
  for (const double v : values) sum += v;
  e.mean = sum / static_cast<double>(e.n);
  // All-equal inputs give exactly that value, not a rounded sum divided back.
  bool all_equal = true;
  for (const double v : values) all_equal = all_equal && v == values.front();
  if (all_equal) e.mean = values.front();
  if (e.n < 2) return e;
  double squares = 0;
  for (const double v : values) squares += (v - e.mean) * (v - e.mean);
  e.sd = std::sqrt(squares / static_cast<double>(e.n - 1));
  const double t = student_t_quantile(1 - (1 - confidence) / 2, e.n - 1);
  e.half_width = t * *e.sd / std::sqrt(static_cast<double>(e.n));
  e.ci_low = e.mean - *e.half_width;
  e.ci_high = e.mean + *e.half_width;
  return e;
}

bool meets_relative_precision(const Estimate& e, double target_relative) {
  if (!e.half_width) return false;
  return *e.half_width <= target_relative * std::fabs(e.mean);
}

}  // namespace recordflow
