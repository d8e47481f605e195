#include "stats/LatinHypercube.hpp"

#include <gtest/gtest.h>

#include <set>

namespace recordflow {

TEST(LatinHypercube, EveryStratumOfEveryCoordinateOnce) {
  const int n = 50, k = 4;
  const auto sample = latin_hypercube(n, k, 9);
  ASSERT_EQ(sample.size(), 50u);
  for (int d = 0; d < k; ++d) {
    std::set<int> strata;
    for (const auto& row : sample) {
      ASSERT_GT(row[d], 0);
      ASSERT_LT(row[d], 1);
      strata.insert(static_cast<int>(row[d] * n));
    }
    EXPECT_EQ(strata.size(), 50u) << "coordinate " << d;
  }
}

TEST(LatinHypercube, DeterministicForASeedAndDifferentAcrossSeeds) {
  EXPECT_EQ(latin_hypercube(20, 3, 1), latin_hypercube(20, 3, 1));
  EXPECT_NE(latin_hypercube(20, 3, 1), latin_hypercube(20, 3, 2));
}

}  // namespace recordflow
