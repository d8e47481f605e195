#include "core/Distribution.hpp"

#include <algorithm>
#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <numeric>

#include "core/RandomStream.hpp"
#include "core/Units.hpp"

namespace recordflow {

// Evaluated in double precision: Boost's default promotes to long double, which costs several times as
// much per draw (lognormal draws are a large share of a region-year) for digits a double result drops.
double standard_normal_quantile(double p) {
  using DoublePrecision = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
  return -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * p, DoublePrecision());
}

Distribution Distribution::fixed(double value) {
  return {Kind::fixed, value, 0, 0, {}, {}};
}
Distribution Distribution::uniform(double min, double max) {
  return {Kind::uniform, min, max, 0, {}, {}};
}
Distribution Distribution::exponential(double mean) {
  return {Kind::exponential, mean, 0, 0, {}, {}};
}
Distribution Distribution::lognormal(double mu, double sigma) {
  return {Kind::lognormal, mu, sigma, 0, {}, {}};
}

Distribution Distribution::lognormal_from_median_p90(double median, double p90) {
  const double mu = std::log(median);
  const double sigma = (std::log(p90) - mu) / standard_normal_quantile(0.9);
  return lognormal(mu, sigma);
}

Distribution Distribution::triangular(double min, double mode, double max) {
  return {Kind::triangular, min, mode, max, {}, {}};
}

Distribution Distribution::empirical(std::vector<double> values, std::vector<double> weights) {
  Distribution d{Kind::empirical, 0, 0, 0, std::move(values), {}};
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double running = 0;
  for (double w : weights) {
    running += w;
    d.cumulative.push_back(running / total);
  }
  if (!d.cumulative.empty()) d.cumulative.back() = 1.0;
  return d;
}

Distribution Distribution::empirical_cdf(std::vector<double> probabilities, std::vector<double> values) {
  return {Kind::empirical_cdf, 0, 0, 0, std::move(values), std::move(probabilities)};
}

double Distribution::quantile(double u) const {
  switch (kind) {
    case Kind::fixed:
      return a;
    case Kind::uniform:
      return a + (b - a) * u;
    case Kind::exponential:
      return -a * std::log1p(-u);
    case Kind::lognormal:
      return std::exp(a + b * standard_normal_quantile(u));
    case Kind::triangular: {
      const double split = (c > a) ? (b - a) / (c - a) : 0.0;
      if (u < split) return a + std::sqrt(u * (c - a) * (b - a));
      return c - std::sqrt((1 - u) * (c - a) * (c - b));
    }
    case Kind::empirical: {
      auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
      auto index = static_cast<std::size_t>(
          std::min<std::ptrdiff_t>(it - cumulative.begin(), static_cast<std::ptrdiff_t>(values.size()) - 1));
      return values[index];
    }
    case Kind::empirical_cdf: {
      auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
      if (it == cumulative.begin()) return values.front();
      if (it == cumulative.end()) return values.back();
      const auto hi = static_cast<std::size_t>(it - cumulative.begin());
      const auto lo = hi - 1;
      const double span = cumulative[hi] - cumulative[lo];
      const double t = span > 0 ? (u - cumulative[lo]) / span : 0.0;
      return values[lo] + t * (values[hi] - values[lo]);
    }
  }
  return a;
}

double Distribution::sample(RandomStream& stream) const {
  if (kind == Kind::fixed) {
    stream.uniform01();  // keep one draw per sample whatever the kind, so streams stay aligned
    return a;
  }
  return quantile(stream.uniform01());
}

double Distribution::mean() const {
  switch (kind) {
    case Kind::fixed:
      return a;
    case Kind::uniform:
      return (a + b) / 2;
    case Kind::exponential:
      return a;
    case Kind::lognormal:
      return std::exp(a + b * b / 2);
    case Kind::triangular:
      return (a + b + c) / 3;
    case Kind::empirical: {
      double m = 0, previous = 0;
      for (std::size_t i = 0; i < values.size(); ++i) {
        m += values[i] * (cumulative[i] - previous);
        previous = cumulative[i];
      }
      return m;
    }
    case Kind::empirical_cdf: {
      double m = 0;
      for (std::size_t i = 1; i < values.size(); ++i)
        m += (cumulative[i] - cumulative[i - 1]) * (values[i] + values[i - 1]) / 2;
      return m;
    }
  }
  return a;
}

double Distribution::min_value() const {
  switch (kind) {
    case Kind::fixed:
    case Kind::uniform:
    case Kind::triangular:
      return a;
    case Kind::exponential:
    case Kind::lognormal:
      return 0;
    case Kind::empirical:
    case Kind::empirical_cdf:
      return values.empty() ? 0 : *std::min_element(values.begin(), values.end());
  }
  return 0;
}

std::string Distribution::describe() const {
  switch (kind) {
    case Kind::fixed:
      return format_duration(a);
    case Kind::uniform:
      return "uniform(" + format_duration(a) + ", " + format_duration(b) + ")";
    case Kind::exponential:
      return "exponential(mean " + format_duration(a) + ")";
    case Kind::lognormal:
      return "lognormal(median " + format_duration(std::exp(a)) + ", p90 " +
             format_duration(std::exp(a + b * standard_normal_quantile(0.9))) + ")";
    case Kind::triangular:
      return "triangular(" + format_duration(a) + ", " + format_duration(b) + ", " + format_duration(c) + ")";
    case Kind::empirical:
      return "empirical(" + std::to_string(values.size()) + " values)";
    case Kind::empirical_cdf:
      return "empirical_cdf(" + std::to_string(values.size()) + " points)";
  }
  return "?";
}

}  // namespace recordflow
