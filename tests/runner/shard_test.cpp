#include "runner/Shard.hpp"

#include <gtest/gtest.h>

#include "runner/WorkList.hpp"

namespace recordflow {

TEST(Shard, ParsesIOverN) {
  const auto s = parse_shard("2/8");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->index, 2);
  EXPECT_EQ(s->count, 8);
  EXPECT_EQ(s->to_string(), "2/8");
  std::string error;
  EXPECT_FALSE(parse_shard("0/8", &error));
  EXPECT_NE(error.find("out of range"), std::string::npos);
  EXPECT_FALSE(parse_shard("9/8"));
  EXPECT_FALSE(parse_shard("two/8", &error));
  EXPECT_FALSE(parse_shard("3"));
}

TEST(Shard, FromSchedulerVariables) {
  EXPECT_FALSE(shard_from_environment({}));
  auto s = shard_from_environment({{"SLURM_ARRAY_TASK_ID", "0"}, {"SLURM_ARRAY_TASK_COUNT", "4"}});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->to_string(), "1/4");
  s = shard_from_environment(
      {{"SLURM_ARRAY_TASK_ID", "4"}, {"SLURM_ARRAY_TASK_COUNT", "4"}, {"SLURM_ARRAY_TASK_MIN", "1"}});
  EXPECT_EQ(s->to_string(), "4/4");
  s = shard_from_environment({{"JOB_COMPLETION_INDEX", "2"}, {"RECORDFLOW_SHARD_COUNT", "3"}});
  EXPECT_EQ(s->to_string(), "3/3");
  s = shard_from_environment({{"RECORDFLOW_SHARD", "2/5"}, {"SLURM_ARRAY_TASK_ID", "0"}});
  EXPECT_EQ(s->to_string(), "2/5");
  std::string error;
  EXPECT_FALSE(shard_from_environment({{"JOB_COMPLETION_INDEX", "2"}}, &error));
  EXPECT_NE(error.find("RECORDFLOW_SHARD_COUNT"), std::string::npos);
}

TEST(WorkList, DeterministicOrderAndShardsPartitionIt) {
  const auto items = make_work_list(2, {"today", "hub"}, 0, 3);
  ASSERT_EQ(items.size(), 12u);
  EXPECT_EQ(items[0], (WorkItem{0, "today", 0}));
  EXPECT_EQ(items[1], (WorkItem{0, "hub", 0}));
  EXPECT_EQ(items[2], (WorkItem{0, "today", 1}));
  EXPECT_EQ(items[6], (WorkItem{1, "today", 0}));
  std::vector<WorkItem> all;
  for (int i = 1; i <= 5; ++i) {
    const auto part = select_shard(items, Shard{i, 5});
    all.insert(all.end(), part.begin(), part.end());
  }
  EXPECT_EQ(all.size(), items.size());
  for (const auto& item : items) EXPECT_EQ(std::count(all.begin(), all.end(), item), 1);
}

}  // namespace recordflow
