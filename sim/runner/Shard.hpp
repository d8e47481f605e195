// Shard: which part of a run's work list this process does when a run is split across machines
// (DESIGN.md "Scale"). Shards are numbered 1..count; work item k (0-based, in work-list order) belongs to
// shard (k mod count) + 1, so every shard gets a similar mix of designs and replications.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace recordflow {

struct Shard {
  int index = 1;  // 1-based
  int count = 1;
  bool whole() const { return count == 1; }
  bool owns(std::size_t work_item) const { return static_cast<int>(work_item % count) + 1 == index; }
  std::string to_string() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// "I/N" with 1 <= I <= N. Returns none and fills `error` otherwise.
std::optional<Shard> parse_shard(const std::string& text, std::string* error = nullptr);

// The shard a scheduler assigned, from environment variables (first match wins):
//  RECORDFLOW_SHARD="I/N";
//  Slurm job arrays: SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT (and SLURM_ARRAY_TASK_MIN, default 0),
//    index = task id - min + 1;
//  Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX (0-based) with RECORDFLOW_SHARD_COUNT.
// None when no variable is set; an error when one is set but malformed.
std::optional<Shard> shard_from_environment(const std::map<std::string, std::string>& environment,
                                            std::string* error = nullptr);
std::map<std::string, std::string> process_environment();

}  // namespace recordflow
