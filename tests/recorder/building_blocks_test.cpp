// The recorder's building blocks: type 7 quantiles, the id table, the name table.
#include <gtest/gtest.h>

#include <string>

#include "RecorderFixture.hpp"
#include "recorder/CopyLedger.hpp"
#include "recorder/GapLedger.hpp"
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

namespace recordflow::testing {
namespace {

// Per-copy state stays at 16 bytes in the table plus 8 bytes per available copy, and each encounter
// costs one byte, when ids are dense (as the engine numbers them).
TEST(LedgerMemoryTest, CopiesAndEncountersCostAFewBytesEach) {
  const Scenario scenario = make_scenario(24);
  CopyLedger copies(scenario, 24);
  OrgIndex orgs(scenario.organisations);
  GapLedger gaps(scenario, 24);
  const std::string encounter_type = "gp_appointment";
  constexpr std::uint64_t kCopies = 200000;
  for (std::uint64_t id = 1; id <= kCopies; ++id) {
    CopyCreated created;
    created.copy_id = id;
    created.document = &scenario.document_types.at("discharge_summary").name;
    created.source = &scenario.organisations[0];
    created.destination = &scenario.organisations[1];
    created.time = 30;
    copies.created(created, orgs);
    if (id % 2 == 0) copies.available(CopyAvailable{id, 31});
    NeedEvaluated need;
    need.encounter_id = id;
    need.encounter_type = &encounter_type;
    need.outcome = NeedOutcome::seen;
    need.time = 30;
    gaps.need(need);
  }
  const double per_copy = static_cast<double>(copies.memory_bytes()) / kCopies;
  EXPECT_LT(per_copy, 16 + 8 * 0.5 * 2 + 1) << "table 16 B, delays 8 B per available copy (vector slack x2)";
  EXPECT_LT(static_cast<double>(gaps.memory_bytes()) / kCopies, 1.5);
}

}  // namespace
}  // namespace recordflow::testing
