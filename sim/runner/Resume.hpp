// Resume: `recordflow run --resume DIR` finishes a run that was interrupted or failed part-way. It reads
// DIR/results.partial.json, rebuilds the request from its manifest (scenario file, overrides, factors,
// designs, shard, seed, replications), and keeps its finished replications; the runner then runs only
// the missing ones and writes the set a run that never stopped would have written (the same bytes,
// wall-time fields aside). The scenario file must still resolve to the same scenario (manifest
// scenario_sha256); adaptive runs cannot be resumed (which replications are kept depends on all of them).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "runner/ReplicationRecord.hpp"
#include "runner/RunRequest.hpp"

namespace recordflow {

struct ResumeState {
  std::vector<PointReplication> finished;  // replications the interrupted run kept
  std::string scenario_sha256;             // what the scenario must resolve to ("" = not recorded)
};

// Fills `request` (scenario, overrides, factors, designs, shard, out) from DIR = request.resume and
// returns what was finished. Throws std::invalid_argument with a message for the user when DIR holds
// nothing to resume.
ResumeState prepare_resume(RunRequest& request);

}  // namespace recordflow
