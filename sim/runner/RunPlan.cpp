#include <algorithm>
#include <set>

#include "runner/Digest.hpp"
#include "runner/ProcessPool.hpp"
#include "runner/RunRequest.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "scenario/Workload.hpp"
#include "topology/StructuralAnalysis.hpp"

namespace recordflow {
namespace {

// Structure of every design (topology, no simulation); empty when the topology cannot be analysed.
nlohmann::json analyse(const nlohmann::json& resolved, const std::vector<std::string>& designs,
                       const std::string& file) {
  try {
    std::vector<DesignStructure> structures;
    for (const auto& design : designs)
      structures.push_back(analyse_structure(build_scenario(resolved, design, file)));
    return structure_to_json(structures);
  } catch (const std::exception&) {
    return nlohmann::json::object();
  }
}

}  // namespace

PlanOutcome plan_run(const RunRequest& request) {
  PlanOutcome outcome;
  std::string problems;
  std::vector<JsonOverride> common;
  for (const auto& text : request.set_arguments) {
    std::string error;
    if (auto o = parse_override(text, &error))
      common.push_back(*o);
    else
      problems += "--set " + error + "\n";
  }
  if (request.seed) common.emplace_back("/experiment/seed", *request.seed);
  if (request.replications) {
    if (*request.replications < 1) problems += "--replications must be at least 1\n";
    common.emplace_back("/experiment/replications", *request.replications);
  }
  std::vector<Factor> factors;
  for (const auto& text : request.factor_arguments) {
    std::string error;
    if (auto f = parse_factor(text, &error))
      factors.push_back(*f);
    else
      problems += "--factor " + error + "\n";
  }
  if (request.jobs < 0) problems += "--jobs must be at least 1\n";
  Shard shard;
  if (request.shard) {
    shard = *request.shard;
  } else {
    std::string error;
    if (auto s = shard_from_environment(process_environment(), &error))
      shard = *s;
    else if (!error.empty())
      problems += error + "\n";
  }
  if (!problems.empty()) return PlanOutcome{std::nullopt, problems};

  RunPlan plan;
  plan.scenario_file = request.scenario_file;
  plan.sweep = request.sweep();
  plan.shard = shard;
  plan.jobs = request.jobs > 0 ? request.jobs : available_cores();
  plan.user_overrides = overrides_object(common);
  plan.factors = factors;
  std::vector<std::vector<JsonOverride>> point_overrides = factorial_points(factors);
  if (!request.explicit_points.empty()) {
    point_overrides.clear();
    for (const auto& point : request.explicit_points) {
      std::vector<JsonOverride> overrides;
      for (const auto& [pointer, value] : point.items()) overrides.emplace_back(pointer, value);
      point_overrides.push_back(std::move(overrides));
    }
  }
  for (const auto& point : point_overrides) {
    PlannedPoint p;
    p.overrides = common;
    p.overrides.insert(p.overrides.end(), point.begin(), point.end());
    p.factors = overrides_object(point);
    plan.points.push_back(std::move(p));
  }

  for (std::size_t i = 0; i < plan.points.size(); ++i) {
    const LoadedScenario loaded = load_scenario(request.scenario_file, plan.points[i].overrides);
    if (!loaded.ok()) {
      if (plan.sweep) problems += "sweep point " + plan.points[i].factors.dump() + ":\n";
      problems += format_diagnostics(loaded.diagnostics);
      continue;
    }
    plan.points[i].scenario_text = loaded.resolved.dump();
    plan.points[i].scenario_sha256 = sha256_hex(plan.points[i].scenario_text);
    if (i > 0) continue;
    plan.resolved = loaded.resolved;
    std::set<std::string> known(loaded.designs.begin(), loaded.designs.end());
    for (const auto& d : request.designs)
      if (!known.count(d)) {
        const std::string hint = did_you_mean(d, loaded.designs);
        problems += "--design " + d + ": no such design in " + request.scenario_file +
                    (hint.empty() ? "" : " (did you mean " + hint + "?)") + "\n";
      }
    for (const auto& d : loaded.designs)
      if (request.designs.empty() || std::count(request.designs.begin(), request.designs.end(), d))
        plan.designs.push_back(d);
  }
  if (!problems.empty()) return PlanOutcome{std::nullopt, problems};

  try {
    const Scenario first = build_scenario(plan.resolved, plan.designs.front(), request.scenario_file);
    const Experiment& e = first.experiment;
    plan.seed = e.seed;
    plan.horizon_hours = e.horizon;
    plan.warm_up_hours = e.warm_up;
    plan.warm_up_auto = e.warm_up_auto;
    plan.baseline =
        std::count(plan.designs.begin(), plan.designs.end(), e.baseline) ? e.baseline : plan.designs.front();
    plan.replications = e.replications;
    plan.event_log = e.event_log;
    if (!request.allow_large) {
      const std::string too_large = workload_problems(estimate_workload(first), machine_limits());
      if (!too_large.empty())
        return PlanOutcome{std::nullopt,
                           request.scenario_file + ": " + too_large + "(--allow-large runs it anyway)\n"};
    }
    if (e.adaptive && !request.replications) {
      plan.adaptive = AdaptiveRule{e.adaptive->min, e.adaptive->max, e.adaptive->target_relative_half_width};
      plan.headline_metrics =
          e.adaptive->metrics.empty() ? std::vector<std::string>{"gap_rate"} : e.adaptive->metrics;
      plan.replications = e.adaptive->max;
    }
  } catch (const ScenarioError& error) {
    return PlanOutcome{std::nullopt, format_diagnostics(error.diagnostics())};
  } catch (const std::exception& error) {
    return PlanOutcome{std::nullopt, request.scenario_file + ": " + error.what() + "\n"};
  }
  if (plan.adaptive && !plan.shard.whole())
    return PlanOutcome{
        std::nullopt,
        "--shard: a scenario with adaptive replications cannot be split into shards; give a fixed "
        "--replications N\n"};
  if (plan.warm_up_auto && (plan.adaptive || plan.sweep || !plan.shard.whole() || !request.resume.empty()))
    return PlanOutcome{
        std::nullopt,
        request.scenario_file +
            ": /experiment/warm_up: \"auto\" chooses one truncation from all replications of an "
            "unsplit run with a fixed number of replications; it cannot be combined with "
            "adaptive replications, a sweep, --shard or --resume (give a fixed warm-up such as "
            "\"28 d\")\n"};
  plan.structure = analyse(plan.resolved, plan.designs, request.scenario_file);
  outcome.plan = std::move(plan);
  return outcome;
}

}  // namespace recordflow
