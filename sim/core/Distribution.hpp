// Distribution: a probability distribution of a non-negative quantity (a duration in hours unless the
// owner says otherwise), as written in a scenario. Sampling is by inverse CDF on a RandomStream, one
// uniform draw per sample, so results are identical on every compiler and standard library and a
// sample consumes exactly one number from its stream (important for common random numbers).
// Kinds: fixed, uniform(min,max), exponential(mean), lognormal(mu,sigma of ln value; or from median and
// p90), triangular(min,mode,max), empirical (discrete values with weights), empirical_cdf (piecewise
// linear between (probability, value) points).
#pragma once

#include <string>
#include <vector>

namespace recordflow {

class RandomStream;

struct Distribution {
  enum class Kind { fixed, uniform, exponential, lognormal, triangular, empirical, empirical_cdf };

  Kind kind = Kind::fixed;
  double a = 0;  // fixed: value; uniform/triangular: min; exponential: mean; lognormal: mu
  double b = 0;  // uniform: max; triangular: mode; lognormal: sigma
  double c = 0;  // triangular: max
  std::vector<double> values;      // empirical: the values; empirical_cdf: values at `cumulative`
  std::vector<double> cumulative;  // empirical: cumulative weights ending at 1; empirical_cdf: probabilities 0..1

  static Distribution fixed(double value);
  static Distribution uniform(double min, double max);
  static Distribution exponential(double mean);
  static Distribution lognormal(double mu, double sigma);
  static Distribution lognormal_from_median_p90(double median, double p90);
  static Distribution triangular(double min, double mode, double max);
  static Distribution empirical(std::vector<double> values, std::vector<double> weights);
  static Distribution empirical_cdf(std::vector<double> probabilities, std::vector<double> values);

  // The value at probability u in (0,1): the inverse CDF.
  double quantile(double u) const;
  double sample(RandomStream& stream) const;
  double mean() const;
  double min_value() const;
  bool is_zero() const { return kind == Kind::fixed && a == 0; }
  std::string describe() const;  // e.g. "lognormal(median 2 h, p90 5 h)" for summaries
};

// Standard normal quantile, via Boost.Math's inverse complementary error function.
double standard_normal_quantile(double p);

}  // namespace recordflow
