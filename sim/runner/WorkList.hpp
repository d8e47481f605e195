// WorkList: the replications a run does, in one deterministic order: sweep point, then replication index,
// then design (declaration order). The order decides shard membership, never the results: results are
// assembled by (point, design, replication) whatever order the work finished in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runner/Shard.hpp"

namespace recordflow {

struct WorkItem {
  int point = 0;  // sweep point (0 for a plain run)
  std::string design;
  int replication = 0;
  friend bool operator==(const WorkItem&, const WorkItem&) = default;
};

// Replications [first, first + count) of every design at every point in [0, points).
std::vector<WorkItem> make_work_list(int points, const std::vector<std::string>& designs, int first,
                                     int count);

// The items of `items` that belong to `shard` (by position in `items`).
std::vector<WorkItem> select_shard(const std::vector<WorkItem>& items, const Shard& shard);

// Readable label "design d, replication i" (with the point for sweeps).
std::string describe(const WorkItem& item, bool sweep);

}  // namespace recordflow
