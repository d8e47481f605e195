// Runner: carries out `run` and `sweep`. Plans (nothing is written if the scenario or the options are
// invalid: exit 2), then runs every replication of its shard in a child process (`recordflow _replicate`,
// one SimGrid engine per process) with `jobs` workers, applies the adaptive rule if the scenario has one,
// and writes <out>/results.json, tidy.csv and tidy.jsonl atomically. The parent never starts SimGrid.
//
// Failure policy: when a replication crashes, times out or the run is interrupted (Ctrl-C), running
// children are stopped, nothing more starts, and what finished is written to <out>/results.partial.json
// (manifest.complete = false, with `failures` and `missing`); results.json is not written. Exit codes:
// 0 complete, 1 failed or interrupted, 2 invalid scenario or options.
#pragma once

#include <ostream>

#include "runner/RunRequest.hpp"

namespace recordflow {

int execute_run(const RunRequest& request, std::ostream& out, std::ostream& err);

}  // namespace recordflow
