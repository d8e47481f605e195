#include "stats/Estimate.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include <boost/math/distributions/students_t.hpp>
#include <vector>

#include "core/RandomStream.hpp"

namespace recordflow {

TEST(Estimate, TQuantileMatchesPublishedTableValues) {
  // Two-sided 95 % critical values of Student's t (any statistics textbook's table).
  EXPECT_NEAR(student_t_quantile(0.975, 1), 12.706, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 4), 2.776, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 9), 2.262, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 29), 2.045, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.995, 9), 3.250, 5e-4);
  // And it is the quantile, i.e. the inverse of Boost's own CDF.
  const boost::math::students_t_distribution<double> t(7);
  EXPECT_NEAR(boost::math::cdf(t, student_t_quantile(0.9, 7)), 0.9, 1e-12);
}

TEST(Estimate, TextbookExample) {
  // Ten measurements with mean 10.0 and sd 0.5: the 95 % interval is 10 +/- 2.262 * 0.5 / sqrt(10).
  const std::vector<double> v{9.5, 10.5, 9.5, 10.5, 9.5, 10.5, 9.5, 10.5, 10.0, 10.0};
  const Estimate e = estimate(v);
  EXPECT_EQ(e.n, 10);
  EXPECT_DOUBLE_EQ(e.mean, 10.0);
  ASSERT_TRUE(e.sd && e.half_width && e.ci_low && e.ci_high);
  EXPECT_NEAR(*e.sd, std::sqrt(2.0 / 9.0), 1e-12);
  EXPECT_NEAR(*e.half_width, 2.2621571627 * std::sqrt(2.0 / 9.0) / std::sqrt(10.0), 1e-9);
  EXPECT_DOUBLE_EQ(*e.ci_low, e.mean - *e.half_width);
  EXPECT_DOUBLE_EQ(*e.ci_high, e.mean + *e.half_width);
}

TEST(Estimate, OneValueHasNoInterval) {
  const std::vector<double> v{3.5};
  const Estimate e = estimate(v);
  EXPECT_EQ(e.n, 1);
  EXPECT_EQ(e.mean, 3.5);
  EXPECT_FALSE(e.sd);
  EXPECT_FALSE(e.has_interval());
  EXPECT_FALSE(e.ci_low);
}

TEST(Estimate, NoValues) {
  const Estimate e = estimate(std::vector<double>{});
  EXPECT_EQ(e.n, 0);
  EXPECT_FALSE(e.has_interval());
}

TEST(Estimate, EqualValuesGiveZeroWidthInterval) {
  const std::vector<double> v(7, 0.1);
  const Estimate e = estimate(v);
  EXPECT_EQ(e.mean, 0.1);
  EXPECT_EQ(*e.sd, 0.0);
  EXPECT_EQ(*e.half_width, 0.0);
  EXPECT_EQ(*e.ci_low, 0.1);
  EXPECT_EQ(*e.ci_high, 0.1);
}

TEST(Estimate, RejectsBadConfidence) {
  const std::vector<double> v{1, 2};
  EXPECT_THROW(estimate(v, 1.0), std::invalid_argument);
  EXPECT_THROW(student_t_quantile(0.5, 0), std::invalid_argument);
}

// The interval is a 95 % interval: over many independent experiments it covers the true mean in about
// 95 % of them. Exponential(mean 2) values, n = 10 (skewed: coverage is slightly below nominal), and
// normal values (via the sum of uniforms) to check the nominal rate within binomial tolerance.
TEST(Estimate, CoversKnownMeanAtNominalRate) {
  const int experiments = 4000;
  int covered_normal = 0;
  for (int k = 0; k < experiments; ++k) {
    RandomStream rng(20261126, static_cast<std::uint64_t>(k), "coverage");
    std::vector<double> values;
    for (int i = 0; i < 8; ++i) {
      double sum = 0;  // Irwin-Hall with 12 terms: mean 6, variance 1, close to normal
      for (int j = 0; j < 12; ++j) sum += rng.uniform01();
      values.push_back(sum);
    }
    const Estimate e = estimate(values);
    if (*e.ci_low <= 6.0 && 6.0 <= *e.ci_high) ++covered_normal;
  }
  const double share = static_cast<double>(covered_normal) / experiments;
  const double tolerance = 4 * std::sqrt(0.95 * 0.05 / experiments);  // 4 binomial standard errors
  EXPECT_NEAR(share, 0.95, tolerance);
}

TEST(Estimate, MeetsRelativePrecision) {
  Estimate e;
  e.mean = 10;
  EXPECT_FALSE(meets_relative_precision(e, 0.05));  // no interval
  e.half_width = 0.5;
  EXPECT_TRUE(meets_relative_precision(e, 0.05));
  e.half_width = 0.51;
  EXPECT_FALSE(meets_relative_precision(e, 0.05));
  e.mean = 0;
  e.half_width = 0;
  EXPECT_TRUE(meets_relative_precision(e, 0.05));
}

}  // namespace recordflow
