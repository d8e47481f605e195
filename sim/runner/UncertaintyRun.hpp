// UncertaintyRun: carries out `recordflow uncertainty SCENARIO`. Draws the parameter sets of the scenario's
// uncertain inputs (ParameterSets), runs every design at every set with common random numbers as one
// sweep through the runner (work items (set, design, replication), the same process pool, shards and
// results document as `run`), then analyses the results into <out>/uncertainty.json (UNCERTAINTY.md).
// With `from` it only analyses an existing results document (e.g. the merge of a sharded run) after
// checking that its points are this scenario's sets for this seed. Exit codes as `run`: 0, 1, 2.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "runner/RunRequest.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace recordflow {

struct UncertaintyOptions {
  RunRequest run;  // scenario, --set, designs, replications, jobs, shard, out, timeout
  int sets = 100;  // parameter sets
  std::optional<std::uint64_t> sample_seed;   // default: the scenario's seed
  std::vector<std::string> metrics;           // default: gap_rate, staff_minutes
  std::optional<std::filesystem::path> from;  // analyse this results directory instead of running
};

// The scenario with the request's --set overrides applied, when it is valid and declares uncertain inputs;
// otherwise none, after printing the problems (the caller exits 2).
std::optional<LoadedScenario> load_uncertain_scenario(const RunRequest& request, std::ostream& err);

int execute_uncertainty(const UncertaintyOptions& options, std::ostream& out, std::ostream& err);

}  // namespace recordflow
