#include "core/RandomStream.hpp"

#include <gtest/gtest.h>

#include <set>

namespace recordflow {

TEST(RandomStream, SameIdentitySameNumbers) {
  RandomStream a(42, 3, "arrivals"), b(42, 3, "arrivals");
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next_u64(), b.next_u64());
}

TEST(RandomStream, NamesReplicationsAndSeedsSeparateStreams) {
  std::set<std::uint64_t> firsts;
  firsts.insert(RandomStream(42, 3, "arrivals").next_u64());
  firsts.insert(RandomStream(42, 3, "journeys").next_u64());
  firsts.insert(RandomStream(42, 4, "arrivals").next_u64());
  firsts.insert(RandomStream(43, 3, "arrivals").next_u64());
  firsts.insert(RandomStream(42, 3, "arrivals").substream(1).next_u64());
  firsts.insert(RandomStream(42, 3, "arrivals").substream(2).next_u64());
  EXPECT_EQ(firsts.size(), 6u);
}

TEST(RandomStream, StableHashIsFnv1a) {
  // Published FNV-1a 64-bit test vectors: stream names must map to the same keys on every platform.
  EXPECT_EQ(stable_hash(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(stable_hash("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(stable_hash("foobar"), 0x85944171f73967e8ULL);
}

TEST(RandomStream, Uniform01StaysInsideOpenInterval) {
  RandomStream s(9, 9, "u");
  double lo = 1, hi = 0, sum = 0;
  for (int i = 0; i < 100000; ++i) {
    const double u = s.uniform01();
    lo = std::min(lo, u);
    hi = std::max(hi, u);
    sum += u;
  }
  EXPECT_GT(lo, 0.0);
  EXPECT_LT(hi, 1.0);
  EXPECT_NEAR(sum / 100000, 0.5, 0.005);
}

TEST(RandomStream, BelowIsUniform) {
  RandomStream s(5, 0, "below");
  int counts[6] = {};
  for (int i = 0; i < 60000; ++i) ++counts[s.below(6)];
  for (int c : counts) EXPECT_NEAR(c, 10000, 400);
}

}  // namespace recordflow
