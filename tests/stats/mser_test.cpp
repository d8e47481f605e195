// MSER-5 and the trend slope on synthetic series with fixed seeds: a known transient (exponential decay
// to a constant, plus noise), a stationary series and a linear trend.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/RandomStream.hpp"
#include "stats/Mser.hpp"
#include "stats/TrendSlope.hpp"

namespace recordflow {
namespace {

// Standard normal draws by Box-Muller from a named stream (deterministic across platforms).
double normal(RandomStream& rng) {
  const double u1 = 1.0 - rng.uniform01();
  const double u2 = rng.uniform01();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

// 100 + 50 exp(-t / 10) + N(0, 2^2), t = 0..n-1. The transient is below one noise SD from t = 10 ln 25 = 32.
std::vector<double> decaying(std::uint64_t seed, std::size_t n = 200) {
  RandomStream rng(seed, 0, "mser_test");
  std::vector<double> y(n);
  for (std::size_t t = 0; t < n; ++t)
    y[t] = 100 + 50 * std::exp(-static_cast<double>(t) / 10) + 2 * normal(rng);
  return y;
}

std::vector<double> stationary(std::uint64_t seed, std::size_t n = 200) {
  RandomStream rng(seed, 0, "mser_test");
  std::vector<double> y(n);
  for (double& v : y) v = 100 + 2 * normal(rng);
  return y;
}

TEST(Mser, StatisticIsTheVarianceOfTheBatchMeanAfterTruncation) {
  // Batches of 5 with means 10, 0, 3, 1, 3, 1, 3, 1: MSER(d) = sum_{j > d} (Z_j - mean)^2 / (k - d)^2.
  std::vector<double> y;
  for (double z : {10.0, 0.0, 3.0, 1.0, 3.0, 1.0, 3.0, 1.0})
    for (int i = 0; i < 5; ++i) y.push_back(z);
  y.push_back(1000);  // a trailing remainder shorter than a batch is not used
  const MserResult m = mser(y, 5);
  ASSERT_EQ(m.statistic.size(), 7u);
  EXPECT_NEAR(m.statistic[0], 69.5 / 64, 1e-12);  // mean 2.75
  EXPECT_NEAR(m.statistic[2], 6.0 / 36, 1e-12);   // mean 2
  EXPECT_NEAR(m.statistic[3], 4.8 / 25, 1e-12);   // mean 1.8
  EXPECT_NEAR(m.statistic[4], 4.0 / 16, 1e-12);   // mean 2
  EXPECT_EQ(m.truncation, 10u);  // d = 2 batches: the minimum over d <= k / 2 = 4, inside the first half
  EXPECT_TRUE(m.steady);
}

TEST(Mser, FindsTheEndOfAKnownTransient) {
  // MSER cuts where the bias left by the transient is small against the standard error of the mean:
  // the bias of the mean after d days is about 500 e^(-d/10) / (200 - d), below the SE (2 / sqrt(170)
  // = 0.15) from d = 30. Over 50 seeds every truncation must lie in [20, 100] (neither inside the steep
  // decay nor in the second half) and their median in [30, 60]. Measured: range 30-90, median 40.
  std::vector<std::size_t> cuts;
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const MserResult m = mser(decaying(seed));
    EXPECT_TRUE(m.steady) << "seed " << seed;
    EXPECT_GE(m.truncation, 20u) << "seed " << seed;
    EXPECT_LE(m.truncation, 100u) << "seed " << seed;
    cuts.push_back(m.truncation);
  }
  std::sort(cuts.begin(), cuts.end());
  EXPECT_GE(cuts[25], 30u);
  EXPECT_LE(cuts[25], 60u);
}

TEST(Mser, TruncatesLittleOfAStationarySeries) {
  // White noise has no transient: the mean truncation over 50 seeds stays below a tenth of the series
  // and most seeds cut at most two batches.
  double total = 0;
  int short_cuts = 0;
  for (std::uint64_t seed = 101; seed <= 150; ++seed) {
    const MserResult m = mser(stationary(seed));
    total += static_cast<double>(m.truncation);
    if (m.truncation <= 10) ++short_cuts;
  }
  EXPECT_LT(total / 50, 20.0);
  EXPECT_GE(short_cuts, 35);
}

TEST(Mser, ATrendHasNoSteadyState) {
  std::vector<double> y(100);
  for (std::size_t t = 0; t < y.size(); ++t) y[t] = static_cast<double>(t);
  const MserResult m = mser(y);
  EXPECT_FALSE(m.steady);        // the statistic keeps falling to the end
  EXPECT_EQ(m.truncation, 50u);  // the first-half minimum: the last batch of the first half
}

TEST(Mser, ShortSeriesAreNotJudged) {
  const MserResult m = mser({1, 2, 3, 4, 5, 6, 7});
  EXPECT_FALSE(m.steady);
  EXPECT_EQ(m.truncation, 0u);
  EXPECT_TRUE(m.statistic.empty());
}

TEST(TrendSlope, IntervalCoversTheTrueSlope) {
  // y = 3 + 0.5 t + N(0, 1), n = 60, 200 seeds: the 95 % interval should cover 0.5 about 190 times;
  // at least 180 allows for binomial noise (P(fewer than 180 | 0.95) < 0.3 %).
  int covered = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    RandomStream rng(seed, 1, "mser_test");
    std::vector<double> y(60);
    for (std::size_t t = 0; t < y.size(); ++t) y[t] = 3 + 0.5 * static_cast<double>(t) + normal(rng);
    const TrendSlope s = trend_slope(y);
    if (s.lower <= 0.5 && 0.5 <= s.upper) ++covered;
  }
  EXPECT_GE(covered, 180);
}

TEST(TrendSlope, ExactLineAndFlatSeries) {
  const TrendSlope line = trend_slope({1, 3, 5, 7, 9});
  EXPECT_DOUBLE_EQ(line.slope, 2.0);
  EXPECT_NEAR(line.lower, 2.0, 1e-12);
  EXPECT_FALSE(line.contains_zero());
  int flat_with_zero = 0;
  for (std::uint64_t seed = 1; seed <= 100; ++seed)
    flat_with_zero += trend_slope(stationary(seed, 60)).contains_zero();
  EXPECT_GE(flat_with_zero, 88);  // about 95 expected
  EXPECT_THROW(trend_slope({1, 2}), std::invalid_argument);
}

}  // namespace
}  // namespace recordflow
