// SensitivityStage: one stage of `recordflow sensitivity` (Morris screening, Sobol indices, switching
// values): a list of points (each {pointer: value} for the uncertain inputs) run as one sweep through the
// runner (every design at every point, common random numbers; the same process pool, work list, shards and
// results.json as `run`) into the stage's own directory. A stage whose directory already holds the
// results of exactly these points is not run again; one holding results.partial.json is resumed (its
// finished replications are kept). A shard of a split run stops after its part of the first stage still
// missing: the shards are merged into that stage's directory and the command is run again.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "runner/RunRequest.hpp"

namespace recordflow {

struct StageOutcome {
  std::optional<nlohmann::json> results;  // the stage's results document when it is complete
  int exit_code = 0;                      // otherwise: 0 (a shard finished its part) or the run's code
};

// `what` names the stage in messages ("the Sobol points of ..."), `hint` says how to obtain matching results.
StageOutcome run_stage(const RunRequest& base, const std::vector<nlohmann::json>& points,
                       const std::filesystem::path& dir, const std::string& what, const std::string& hint,
                       std::ostream& err);

}  // namespace recordflow
