#include "runner/Merge.hpp"

#include <gtest/gtest.h>

#include "SyntheticResults.hpp"

namespace recordflow {

namespace {
// The document shard `index` of `count` would write for a run of designs x replications.
nlohmann::json shard_document(int index, int count, int replications) {
  ResultsInput full = testing::synthetic_run({"today", "hub"}, {0, 1}, replications);
  const Shard shard{index, count};
  const auto items = make_work_list(1, full.designs, 0, replications);
  ResultsInput part = full;
  part.replications.clear();
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (!shard.owns(k)) continue;
    for (const auto& r : full.replications)
      if (r.result.design == items[k].design && r.result.replication == items[k].replication)
        part.replications.push_back(r);
  }
  part.manifest["shard"] = shard.to_string();
  return build_results_document(part);
}
}  // namespace

TEST(Merge, ShardsCombineIntoTheOneProcessDocument) {
  const auto whole = build_results_document(testing::synthetic_run({"today", "hub"}, {0, 1}, 5));
  const MergeReport report = merge_results(
      {{"a", shard_document(2, 3, 5)}, {"b", shard_document(1, 3, 5)}, {"c", shard_document(3, 3, 5)}});
  ASSERT_TRUE(report.errors.empty());
  EXPECT_TRUE(report.complete());
  const auto merged = build_results_document(report.merged);
  EXPECT_EQ(without_wall_time_fields(merged), without_wall_time_fields(whole));
}

TEST(Merge, DetectsAMissingShard) {
  const MergeReport report = merge_results({{"a", shard_document(1, 3, 4)}, {"c", shard_document(3, 3, 4)}});
  ASSERT_TRUE(report.errors.empty());
  EXPECT_FALSE(report.complete());
  EXPECT_EQ(report.missing_shards, std::vector<int>{2});
  ASSERT_FALSE(report.missing.empty());
  for (const auto& m : report.missing) EXPECT_EQ(m.shard, 2);
  EXPECT_EQ(report.missing.size(), 8u / 3u + (8 % 3 > 1 ? 1 : 0));
  const auto merged = build_results_document(report.merged);
  EXPECT_FALSE(merged.at("manifest").at("complete").get<bool>());
  EXPECT_EQ(merged.at("manifest").at("missing").size(), report.missing.size());
}

TEST(Merge, RejectsShardsOfDifferentRuns) {
  auto other = shard_document(2, 2, 4);
  other["manifest"]["seed"] = 43;
  const MergeReport report = merge_results({{"a", shard_document(1, 2, 4)}, {"b", other}});
  EXPECT_FALSE(report.errors.empty());
}

TEST(Merge, BlamesTheInputThatDiffersByFileAndField) {
  auto other = shard_document(3, 3, 4);
  other["manifest"]["seed"] = 7;
  // Given out of shard order: the blame must follow the input, not its position after sorting.
  const MergeReport report =
      merge_results({{"s3", other}, {"s2", shard_document(2, 3, 4)}, {"s1", shard_document(1, 3, 4)}});
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].rfind("s3: shard 3/3 is from a different run: manifest.seed is 7", 0), 0u)
      << report.errors[0];
  EXPECT_NE(
      report.errors[0].find("the other inputs have " + shard_document(1, 3, 4)["manifest"]["seed"].dump()),
      std::string::npos)
      << report.errors[0];
}

TEST(Merge, BlamesTheShardOfAnotherSplitByItsOrigin) {
  const MergeReport report = merge_results(
      {{"s3", shard_document(3, 3, 4)}, {"s2", shard_document(2, 3, 4)}, {"whole", shard_document(1, 1, 4)}});
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].rfind("whole: shard 1/1 is from a split into 1", 0), 0u) << report.errors[0];
}

TEST(Merge, RefusesAReplicationThatWasNotPlanned) {
  auto extra = shard_document(2, 2, 4);
  auto replication = extra["replications"][0];
  replication["replication"] = 9;  // the run planned 4 per design
  extra["replications"].push_back(replication);
  const MergeReport report = merge_results({{"a", shard_document(1, 2, 4)}, {"b", extra}});
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].rfind("b: replication ", 0), 0u) << report.errors[0];
  EXPECT_NE(report.errors[0].find("was not planned"), std::string::npos) << report.errors[0];
}

TEST(Merge, RejectsSomethingElse) {
  const MergeReport report = merge_results({{"x", nlohmann::json{{"hello", 1}}}});
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_NE(report.errors[0].find("not a recordflow results document"), std::string::npos);
}

}  // namespace recordflow
