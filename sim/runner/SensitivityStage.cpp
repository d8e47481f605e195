#include "runner/SensitivityStage.hpp"

#include "runner/ParameterSets.hpp"
#include "runner/Runner.hpp"

namespace recordflow {
namespace fs = std::filesystem;
namespace {

// Whether `results` were run for `run`: the same resolved scenario (overrides, seed and replications
// included), the same designs and, for each, the planned number of replications.
bool same_run(const nlohmann::json& results, const RunRequest& run) {
  const PlanOutcome planned = plan_run(run);
  if (!planned.plan) return false;
  const RunPlan& plan = *planned.plan;
  const nlohmann::json& manifest = results.at("manifest");
  if (manifest.value("scenario_sha256", "") != plan.points.front().scenario_sha256) return false;
  if (manifest.value("designs", nlohmann::json::array()) != nlohmann::json(plan.designs)) return false;
  if (plan.adaptive || !manifest.value("complete", true)) return false;
  const nlohmann::json replications = manifest.value("replications", nlohmann::json::object());
  for (const auto& [design, count] : replications.items())
    if (count != nlohmann::json(plan.replications)) return false;
  return true;
}

}  // namespace

StageOutcome run_stage(const RunRequest& base, const std::vector<nlohmann::json>& points, const fs::path& dir,
                       const std::string& what, const std::string& hint, std::ostream& err) {
  StageOutcome outcome;
  RunRequest run = base;
  run.explicit_points = points;
  run.out = dir;
  if (fs::exists(dir / "results.json")) {
    std::ostream quiet(nullptr);
    outcome.results = read_results_at_points(dir, points, what, hint, quiet);
    if (outcome.results && same_run(*outcome.results, run)) {
      err << "recordflow: " << what << ": kept the results in " << dir.string() << "\n";
      return outcome;
    }
    outcome.results.reset();
  }
  if (fs::exists(dir / "results.partial.json")) run.resume = dir;
  std::ostream discard(nullptr);  // the per-point summary table helps nobody here
  outcome.exit_code = execute_run(run, discard, err);
  if (outcome.exit_code != 0) return outcome;
  if (run.shard && !run.shard->whole()) {
    err << "recordflow: this shard's part of " << what << " is in " << dir.string()
        << "; merge the shards into that directory (`recordflow merge DIR... --out " << dir.string()
        << "`) and run the same command again for the next stage\n";
    return outcome;
  }
  outcome.results = read_results_at_points(dir, points, what, hint, err);
  if (!outcome.results) outcome.exit_code = 2;
  return outcome;
}

}  // namespace recordflow
