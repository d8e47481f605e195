#include "stats/PairedDifference.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace recordflow {

TEST(PairedDifference, IdenticalDesignsDifferByExactlyZero) {
  const ValuesByReplication a{{0, 0.123456789}, {1, 0.2}, {2, 1e-9}, {3, 12345.678}};
  const Estimate d = paired_difference(a, a);
  EXPECT_EQ(d.n, 4);
  EXPECT_EQ(d.mean, 0.0);
  EXPECT_EQ(*d.sd, 0.0);
  EXPECT_EQ(*d.half_width, 0.0);
  EXPECT_EQ(*d.ci_low, 0.0);
  EXPECT_EQ(*d.ci_high, 0.0);
}

TEST(PairedDifference, PairsByReplicationIndex) {
  const ValuesByReplication design{{0, 5}, {1, 7}, {2, 9}, {5, 100}};
  const ValuesByReplication baseline{{0, 4}, {1, 5}, {2, 6}, {3, 1}};
  EXPECT_EQ(paired_differences(design, baseline), (std::vector<double>{1, 2, 3}));
  const Estimate d = paired_difference(design, baseline);
  EXPECT_EQ(d.n, 3);
  EXPECT_DOUBLE_EQ(d.mean, 2.0);
  EXPECT_DOUBLE_EQ(*d.sd, 1.0);
  EXPECT_NEAR(*d.half_width, 4.302652730 / std::sqrt(3.0), 1e-8);
}

TEST(PairedDifference, PairingRemovesCommonNoise) {
  // A large shared component cancels: the paired interval is far narrower than the unpaired spread.
  ValuesByReplication base, design;
  for (int i = 0; i < 10; ++i) {
    const double common = 100.0 * ((i * 37) % 11);
    base[i] = common;
    design[i] = common + 1.0 + 0.01 * (i % 3);
  }
  const Estimate d = paired_difference(design, base);
  EXPECT_LT(*d.half_width, 0.05);
  EXPECT_LE(*d.ci_low, 1.01);
  EXPECT_GE(*d.ci_high, 1.01);
}

}  // namespace recordflow
