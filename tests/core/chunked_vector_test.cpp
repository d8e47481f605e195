#include "core/ChunkedVector.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace recordflow {
namespace {

TEST(ChunkedVector, IndexesAcrossChunkBoundariesInInsertionOrder) {
  ChunkedVector<int, 4> v;
  EXPECT_TRUE(v.empty());
  for (int i = 0; i < 10; ++i) v.push_back(i * i);
  ASSERT_EQ(v.size(), 10u);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(v[static_cast<std::size_t>(i)], i * i);
  v[5] = -1;
  EXPECT_EQ(v[5], -1);
  std::vector<int> seen;
  for (int x : v) seen.push_back(x);
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 4, 9, 16, -1, 36, 49, 64, 81}));
}

TEST(ChunkedVector, GrowingNeverMovesAnElement) {
  ChunkedVector<std::string, 3> v;
  v.emplace_back("first");
  const std::string* first = &v[0];
  std::vector<const std::string*> addresses{first};
  for (int i = 1; i < 50; ++i) addresses.push_back(&v.emplace_back(std::to_string(i)));
  EXPECT_EQ(&v[0], first);
  EXPECT_EQ(*first, "first");
  for (std::size_t i = 0; i < addresses.size(); ++i) EXPECT_EQ(&v[i], addresses[i]);
}

TEST(ChunkedVector, ConstIterationCountsEveryElementOnce) {
  ChunkedVector<int, 2> v;
  for (int i = 1; i <= 7; ++i) v.push_back(i);
  const ChunkedVector<int, 2>& view = v;
  int sum = 0;
  int count = 0;
  for (const int& x : view) {
    sum += x;
    ++count;
  }
  EXPECT_EQ(count, 7);
  EXPECT_EQ(sum, 28);
}

}  // namespace
}  // namespace recordflow
