// MergeOutputs: `recordflow merge DIR... --out DIR`. Reads each shard's results (DIR/results.json, or
// DIR/results.partial.json, or a results file given directly), merges them (Merge.hpp) and writes the
// merged results.json + tidy.csv + tidy.jsonl atomically; when shards or replications are missing it
// writes results.partial.json instead, lists what is missing and the command that re-runs each shard.
// Exit code: 0 complete, 1 something missing, 2 unreadable or incompatible inputs (nothing written).
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace recordflow {

// Inputs that are incomplete result sets (results.partial.json) are refused unless `allow_incomplete`.
// The output directory is locked while the merge writes (OutputSet.hpp).
int execute_merge(const std::vector<std::string>& inputs, const std::filesystem::path& out_dir,
                  std::ostream& out, std::ostream& err, bool allow_incomplete = false);

}  // namespace recordflow
