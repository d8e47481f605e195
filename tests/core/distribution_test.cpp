#include "core/Distribution.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/RandomStream.hpp"

namespace recordflow {
namespace {

double sample_mean(const Distribution& d, int n) {
  RandomStream stream(7, 0, "distribution-test");
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += d.sample(stream);
  return sum / n;
}

}  // namespace

TEST(Distribution, QuantilesMatchClosedForms) {
  EXPECT_NEAR(Distribution::exponential(2.0).quantile(0.5), 2.0 * std::log(2.0), 1e-12);
  EXPECT_NEAR(Distribution::uniform(1, 3).quantile(0.25), 1.5, 1e-12);
  auto ln = Distribution::lognormal_from_median_p90(2.0, 5.0);
  EXPECT_NEAR(ln.quantile(0.5), 2.0, 1e-9);
  EXPECT_NEAR(ln.quantile(0.9), 5.0, 1e-9);
  auto tri = Distribution::triangular(0, 1, 4);
  EXPECT_NEAR(tri.quantile(0.25), 1.0, 1e-12);  // F(mode) = (mode-min)/(max-min) = 1/4
  auto cdf = Distribution::empirical_cdf({0, 0.5, 1}, {0, 2, 10});
  EXPECT_NEAR(cdf.quantile(0.25), 1.0, 1e-12);
  EXPECT_NEAR(cdf.quantile(0.75), 6.0, 1e-12);
  auto emp = Distribution::empirical({1, 4}, {3, 1});
  EXPECT_EQ(emp.quantile(0.7), 1.0);
  EXPECT_EQ(emp.quantile(0.8), 4.0);
}

TEST(Distribution, SampleMeansApproachAnalyticMeans) {
  const Distribution cases[] = {Distribution::exponential(3.0), Distribution::uniform(1, 5),
                                Distribution::lognormal(0.5, 0.4), Distribution::triangular(1, 2, 6),
                                Distribution::empirical({1, 4}, {3, 1}),
                                Distribution::empirical_cdf({0, 0.5, 1}, {0, 2, 10})};
  for (const auto& d : cases) EXPECT_NEAR(sample_mean(d, 200000), d.mean(), 0.02 * d.mean()) << d.describe();
}

TEST(Distribution, EverySampleConsumesExactlyOneDraw) {
  RandomStream a(1, 0, "x"), b(1, 0, "x");
  Distribution::fixed(5).sample(a);
  b.uniform01();
  EXPECT_EQ(a.next_u64(), b.next_u64());
}

}  // namespace recordflow
