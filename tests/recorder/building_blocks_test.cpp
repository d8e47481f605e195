// The recorder's building blocks: type 7 quantiles, the id table, the name table.
#include <gtest/gtest.h>

#include <string>

#include "recorder/IdTable.hpp"
#include "recorder/NameTable.hpp"
#include "recorder/Quantiles.hpp"

namespace recordflow {
namespace {

TEST(QuantilesTest, LinearDefinitionOnKnownSets) {
  const std::vector<double> one{4};
  EXPECT_EQ(quantile_type7(one, 0.5), 4);
  EXPECT_EQ(quantile_type7(one, 0.99), 4);
  const std::vector<double> xs{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_DOUBLE_EQ(quantile_type7(xs, 0.0), 1);
  EXPECT_DOUBLE_EQ(quantile_type7(xs, 0.5), 5.5);
  EXPECT_DOUBLE_EQ(quantile_type7(xs, 0.9), 9.1);
  EXPECT_DOUBLE_EQ(quantile_type7(xs, 0.99), 9.91);
  EXPECT_DOUBLE_EQ(quantile_type7(xs, 1.0), 10);
  const std::vector<double> ys{0, 0, 0, 100};  // h = 3p
  EXPECT_DOUBLE_EQ(quantile_type7(ys, 0.9), 70);
  EXPECT_DOUBLE_EQ(mean_of(ys), 25);
  EXPECT_EQ(mean_of({}), 0);
}

TEST(IdTableTest, DenseSparseAndBelowBaseIdsAreKeptApart) {
  IdTable<std::uint32_t> table;
  for (std::uint64_t id = 1000; id < 101000; ++id) table.emplace(id) = static_cast<std::uint32_t>(id);
  table.emplace(5) = 5;            // below the first id
  table.emplace(1ULL << 40) = 40;  // far beyond
  for (std::uint64_t id = 1000; id < 101000; ++id) ASSERT_EQ(*table.find(id), id);
  EXPECT_EQ(*table.find(5), 5u);
  EXPECT_EQ(*table.find(1ULL << 40), 40u);
  EXPECT_EQ(table.find(6), nullptr);
  EXPECT_EQ(table.find(1ULL << 41), nullptr);
  EXPECT_LT(table.memory_bytes(), 100000 * sizeof(std::uint32_t) * 2);
}

TEST(IdTableTest, SparseIdsInRangeStopChunkAllocation) {
  IdTable<std::uint64_t> table;
  // One id per 64 chunks' worth of span: chunks would be nearly empty.
  for (std::uint64_t i = 0; i < 2000; ++i) table.emplace(i * 100000) = i + 1;
  for (std::uint64_t i = 0; i < 2000; ++i) ASSERT_EQ(*table.find(i * 100000), i + 1) << i;
  EXPECT_LT(table.memory_bytes(), 100u * 4096 * sizeof(std::uint64_t));
}

TEST(NameTableTest, InternsByTextWhateverTheAddress) {
  NameTable names;
  const std::string a = "scan";
  std::string b = "scan";
  EXPECT_EQ(names.intern(&a), names.intern(&b));
  EXPECT_EQ(names.intern("scan"), names.intern(&a));
  b = "file";  // the same address now holds other text
  EXPECT_NE(names.intern(&b), names.intern(&a));
  EXPECT_EQ(names.name(names.intern(&b)), "file");
  EXPECT_EQ(names.intern(static_cast<const char*>(nullptr)), names.intern(std::string_view{}));
  EXPECT_EQ(names.size(), 3u);
}

}  // namespace
}  // namespace recordflow
