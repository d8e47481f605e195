#include "stats/AdaptiveRule.hpp"

#include <gtest/gtest.h>

#include "core/RandomStream.hpp"

namespace recordflow {

namespace {
std::vector<double> noisy(double mean, double spread, int n, std::uint64_t seed) {
  RandomStream rng(seed, 0, "adaptive");
  std::vector<double> v;
  for (int i = 0; i < n; ++i) v.push_back(mean + spread * (rng.uniform01() - 0.5));
  return v;
}
}  // namespace

TEST(AdaptiveRule, RunsTheMinimumFirst) {
  const AdaptiveRule rule{5, 50, 0.05};
  EXPECT_EQ(more_replications_needed({}, 0, rule, 2), 5);
  EXPECT_EQ(more_replications_needed({}, 3, rule, 2), 2);
}

TEST(AdaptiveRule, StopsAtTheFirstSufficientPrefix) {
  const AdaptiveRule rule{3, 100, 0.05};
  const std::vector<std::vector<double>> precise{noisy(10, 0.1, 20, 1)};
  EXPECT_EQ(sufficient_replications(precise, 20, rule), 3);
  EXPECT_EQ(more_replications_needed(precise, 3, rule, 4), 0);
}

TEST(AdaptiveRule, NoisyMetricNeedsMore) {
  const AdaptiveRule rule{3, 100, 0.05};
  const auto wide = noisy(10, 10, 60, 2);  // sd ~ 2.9: needs n around (2 * 2.9 / 0.5)^2 ~ 130 > 60
  const std::vector<std::vector<double>> series{noisy(10, 0.1, 60, 3), wide};
  EXPECT_FALSE(sufficient_replications(series, 60, rule));
  EXPECT_EQ(more_replications_needed(series, 60, rule, 8), 8);
  EXPECT_EQ(more_replications_needed(series, 96, AdaptiveRule{3, 100, 0.05}, 8), 4);  // capped by max
}

TEST(AdaptiveRule, SettledAtMaximum) {
  const AdaptiveRule rule{3, 10, 0.0001};
  const std::vector<std::vector<double>> series{noisy(10, 5, 10, 4)};
  EXPECT_EQ(more_replications_needed(series, 10, rule, 2), 0);
  EXPECT_FALSE(sufficient_replications(series, 10, rule));
}

TEST(AdaptiveRule, DecisionDoesNotDependOnBatchSize) {
  // Whatever the batch (number of workers), the chosen n is the first sufficient prefix.
  const AdaptiveRule rule{4, 200, 0.05};
  const auto values = noisy(10, 3, 200, 5);
  const std::vector<std::vector<double>> all{values};
  const auto reference = sufficient_replications(all, 200, rule);
  ASSERT_TRUE(reference);
  for (int batch : {1, 2, 3, 7, 16}) {
    int available = 0;
    for (;;) {
      std::vector<std::vector<double>> prefix{
          std::vector<double>(values.begin(), values.begin() + available)};
      const int more = more_replications_needed(prefix, available, rule, batch);
      if (more == 0) break;
      available += more;
    }
    std::vector<std::vector<double>> prefix{std::vector<double>(values.begin(), values.begin() + available)};
    EXPECT_EQ(sufficient_replications(prefix, available, rule), reference) << "batch " << batch;
  }
}

}  // namespace recordflow
