#include "stats/SwitchingValue.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/normal.hpp>
#include <stdexcept>

#include "core/RandomStream.hpp"
#include "stats/Estimate.hpp"

namespace recordflow {
namespace {

double normal(RandomStream& rng) {
  return boost::math::quantile(boost::math::normal_distribution<double>(), rng.uniform01());
}

// A paired difference linear in x, 0 at `root`, measured at 5 grid values on [0, 1] from `n` replications
// with normal noise of sd `sd` each.
std::vector<GridDifference> noisy_line(double slope, double root, double sd, int n, RandomStream& rng) {
  std::vector<GridDifference> grid;
  for (int g = 0; g < 5; ++g) {
    const double x = g / 4.0;
    std::vector<double> values;
    for (int r = 0; r < n; ++r) values.push_back(slope * (x - root) + sd * normal(rng));
    const Estimate e = estimate(values);
    grid.push_back({x, e.mean, *e.ci_low, *e.ci_high});
  }
  return grid;
}

}  // namespace

// 1,000 noisy lines with fixed seeds, crossing at a known value. The band inverted from pointwise 95 %
// intervals covers the root with probability >= 0.95 when the difference is linear (interpolating two
// intervals only widens them); the measured share has sd <= 0.007, so a correct procedure falls below 0.93
// with probability below 0.3 %. An interval that were just the interpolated crossing (no band), or the band
// of the wrong segment, would cover with probability near 0.
TEST(SwitchingValue, IntervalCoversAKnownCrossing) {
  for (const double root : {0.3, 0.62}) {
    int covered = 0, found = 0;
    double width = 0;
    for (int m = 0; m < 1000; ++m) {
      RandomStream rng(11, static_cast<std::uint64_t>(m), "switching");
      const auto crossings = switching_values(noisy_line(-0.4, root, 0.05, 10, rng));
      if (crossings.size() != 1) continue;
      ++found;
      const Crossing& c = crossings.front();
      EXPECT_LE(c.low, c.at);
      EXPECT_GE(c.high, c.at);
      EXPECT_FALSE(c.rising);
      width += c.high - c.low;
      if (c.low <= root && root <= c.high) ++covered;
    }
    EXPECT_GE(found, 990) << "root " << root;
    EXPECT_GE(covered / 1000.0, 0.93) << "root " << root;
    EXPECT_LT(width / found, 0.25) << "a useless interval cannot pass";
  }
}

TEST(SwitchingValue, InterpolatesAnExactLineAndNamesNoSwitchWhenTheSignHolds) {
  std::vector<GridDifference> rising;
  for (int g = 0; g < 5; ++g) {
    const double d = 2.0 * (g - 1.5);  // 0 at x = 1.5
    rising.push_back({static_cast<double>(g), d, d - 0.5, d + 0.5});
  }
  const auto c = switching_values(rising);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_DOUBLE_EQ(c[0].at, 1.5);
  EXPECT_TRUE(c[0].rising);
  EXPECT_DOUBLE_EQ(c[0].low, 1.25);  // where the upper bound 2 (x - 1.5) + 0.5 reaches 0
  EXPECT_DOUBLE_EQ(c[0].high, 1.75);
  EXPECT_FALSE(c[0].open_low || c[0].open_high);
  EXPECT_FALSE(ranking_settled(rising));

  std::vector<GridDifference> positive;
  for (int g = 0; g < 4; ++g) positive.push_back({0.1 * g, 1.0 + g, 0.5 + g, 1.5 + g});
  EXPECT_TRUE(switching_values(positive).empty());
  EXPECT_TRUE(ranking_settled(positive));
}

TEST(SwitchingValue, AnIntervalThatReachesTheEndOfTheGridIsOpen) {
  // Crossing in the first segment, intervals so wide that 0 stays inside up to the first grid value.
  const std::vector<GridDifference> grid{{0, -0.1, -1, 1}, {1, 0.3, -0.2, 0.8}, {2, 1, 0.5, 1.5}};
  const auto c = switching_values(grid);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_TRUE(c[0].open_low);
  EXPECT_DOUBLE_EQ(c[0].low, 0);
  EXPECT_FALSE(c[0].open_high);
  EXPECT_GT(c[0].high, 1);
  EXPECT_LT(c[0].high, 2);
}

TEST(SwitchingValue, RejectsAGridItCannotRead) {
  EXPECT_THROW(switching_values({{0, 1, 0, 2}}), std::invalid_argument);
  EXPECT_THROW(switching_values({{1, 1, 0, 2}, {0, -1, -2, 0}}), std::invalid_argument);
  EXPECT_THROW(switching_values({{0, 1, 1.5, 2}, {1, -1, -2, 0}}), std::invalid_argument);
}

}  // namespace recordflow
