// RunRequest: what `recordflow run` and `recordflow sweep` ask the runner to do (their parsed options).
// RunPlan: the request checked against the scenario: every design and sweep point loads and builds, the
// designs to run and the baseline, the replication rule, and the overrides each child process receives.
// Planning reads files only; it never writes, so an invalid request leaves nothing behind.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "runner/Overrides.hpp"
#include "runner/Shard.hpp"
#include "stats/AdaptiveRule.hpp"

namespace recordflow {

struct RunRequest {
  std::string scenario_file;
  std::vector<std::string> set_arguments;     // "PTR=VALUE"
  std::vector<std::string> factor_arguments;  // "PTR=v1,v2,..." (sweep); empty = plain run
  std::vector<nlohmann::json> explicit_points;  // {PTR: value} per point (sampled parameter sets), or none
  std::vector<std::string> designs;           // empty = every design
  std::optional<int> replications;            // fixed count, replaces the scenario's rule
  std::optional<std::uint64_t> seed;
  int jobs = 0;                // 0 = number of cores
  std::optional<Shard> shard;  // none = from the environment, else 1/1
  std::filesystem::path out = "out";
  bool event_log = false;
  bool quiet = false;
  double timeout_seconds = 3600;  // per replication; 0 = none
  int retries = 1;                // how often a failed replication is run again
  bool allow_large = false;       // run even when one replication would not fit the machine (Workload.hpp)
  std::filesystem::path resume;   // `--resume DIR`: run only what DIR's partial results are missing
  std::vector<std::string> command_line;  // the program's arguments as given, for the manifest
  bool sweep() const { return !factor_arguments.empty() || !explicit_points.empty(); }
};

struct PlannedPoint {
  std::vector<JsonOverride> overrides;  // user --set, --seed, --replications, then this point's factors
  nlohmann::json factors = nlohmann::json::object();
  std::string scenario_text;    // this point's resolved scenario, compact JSON: what replications receive
  std::string scenario_sha256;  // SHA-256 of scenario_text
};

struct RunPlan {
  std::string scenario_file;
  nlohmann::json resolved;  // the resolved scenario (first point)
  std::vector<std::string> designs;
  std::string baseline;
  std::vector<PlannedPoint> points;  // one for a plain run
  std::vector<Factor> factors;       // sweep factors, in the order given
  bool sweep = false;
  std::uint64_t seed = 0;
  double horizon_hours = 0;
  double warm_up_hours = 0;
  bool warm_up_auto = false;  // "warm_up": "auto": chosen by MSER-5 after a first pass (WarmUpChoice.hpp)
  int replications = 1;                       // fixed count (the maximum under the adaptive rule)
  std::optional<AdaptiveRule> adaptive;       // run until precise enough
  std::vector<std::string> headline_metrics;  // what the adaptive rule watches
  nlohmann::json user_overrides = nlohmann::json::object();
  nlohmann::json structure = nlohmann::json::object();
  Shard shard;
  int jobs = 1;
  bool event_log = false;  // the scenario's experiment asks for event logs
};

// Either a plan or the problems that prevent running (diagnostics already formatted, one per line).
struct PlanOutcome {
  std::optional<RunPlan> plan;
  std::string problems;
};
PlanOutcome plan_run(const RunRequest& request);

}  // namespace recordflow
