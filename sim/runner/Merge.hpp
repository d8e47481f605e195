// Merge: combines the results documents of the shards of one run (`run --shard I/N` on several
// machines) into the document a one-process run would have written, and reports what is missing:
// shards of which no document was given, and replications that no document holds (a shard that failed
// part-way writes results.partial.json with what it finished). Only the missing work needs re-running.
// Inputs must come from the same scenario, seed, overrides, designs, replications and tool version: an
// input that differs from what most inputs agree on is named with the manifest fields that differ. A
// replication outside the run's plan is refused (not dropped), naming the input that holds it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "runner/ResultsDocument.hpp"
#include "runner/WorkList.hpp"

namespace recordflow {

struct MissingWork {
  WorkItem item;
  int shard = 1;  // the shard that owns it
};

struct MergeReport {
  ResultsInput merged;  // manifest shard "1/1"; complete only when nothing is missing
  int shard_count = 1;
  std::vector<int> missing_shards;   // 1-based
  std::vector<MissingWork> missing;  // in work-list order
  std::vector<std::string> errors;   // incompatible or unreadable inputs (nothing can be merged)
  bool complete() const { return errors.empty() && missing.empty(); }
};

// `inputs`: (where it came from, results document).
MergeReport merge_results(const std::vector<std::pair<std::string, nlohmann::json>>& inputs);

// The full work list a results manifest describes (all shards).
std::vector<WorkItem> planned_work(const nlohmann::json& manifest, const std::vector<std::string>& designs,
                                   int points);

}  // namespace recordflow
