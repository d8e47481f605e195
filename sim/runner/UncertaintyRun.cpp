#include "runner/UncertaintyRun.hpp"

#include "runner/AtomicFile.hpp"
#include "runner/Runner.hpp"
#include "runner/UncertaintyAnalysis.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using Json = nlohmann::json;

std::optional<LoadedScenario> load_uncertain_scenario(const RunRequest& request, std::ostream& err) {
  std::vector<JsonOverride> common;
  for (const auto& text : request.set_arguments) {
    std::string error;
    if (auto o = parse_override(text, &error)) {
      common.push_back(*o);
    } else {
      err << "--set " << error << "\n";
      return std::nullopt;
    }
  }
  LoadedScenario loaded = load_scenario(request.scenario_file, common);
  if (!loaded.ok()) {
    err << format_diagnostics(loaded.diagnostics);
    return std::nullopt;
  }
  if (loaded.uncertain_inputs.empty()) {
    err << request.scenario_file << ": /uncertainty: the scenario declares no uncertain inputs (hint: see "
        << "\"Uncertain inputs\" in sim/scenario/LANGUAGE.md)\n";
    return std::nullopt;
  }
  return loaded;
}

int execute_uncertainty(const UncertaintyOptions& options, std::ostream& out, std::ostream& err) {
  const RunRequest& base = options.run;
  const auto scenario = load_uncertain_scenario(base, err);
  if (!scenario) return 2;
  const LoadedScenario& loaded = *scenario;
  if (options.sets < 2) {
    err << "--sets must be at least 2\n";
    return 2;
  }
  UncertaintyRequest request;
  request.inputs = loaded.uncertain_inputs;
  request.seed = options.sample_seed.value_or(
      base.seed.value_or(loaded.resolved.value("/experiment/seed"_json_pointer, std::uint64_t{1})));
  request.sets = sample_parameter_sets(request.inputs, options.sets, request.seed);
  request.metrics =
      options.metrics.empty() ? std::vector<std::string>{"gap_rate", "staff_minutes"} : options.metrics;
  const Json experiment = loaded.resolved.value("experiment", Json::object());
  if (experiment.contains("objective")) {
    request.objective = experiment["objective"];
    for (const auto& [metric, weight] : request.objective["weights"].items())
      if (std::find(request.metrics.begin(), request.metrics.end(), metric) == request.metrics.end())
        request.metrics.push_back(metric);
  }

  fs::path results_dir = base.out;
  if (options.from) {
    results_dir = *options.from;
  } else {
    RunRequest run = base;
    run.explicit_points = request.sets.overrides;
    std::ostream discard(nullptr);  // the per-point summary table of 100 sets helps nobody
    const int code = execute_run(run, discard, err);
    if (code != 0) return code;
    if (!run.shard ? false : !run.shard->whole()) {
      err << "recordflow: this is one shard; merge the shards (`recordflow merge DIR... --out DIR`) and "
             "analyse with `recordflow uncertainty "
          << base.scenario_file << " --from DIR`\n";
      return 0;
    }
  }
  const std::optional<Json> read = read_results_at_points(
      results_dir, request.sets.overrides,
      "the " + std::to_string(request.sets.overrides.size()) + " parameter sets of " + base.scenario_file +
          " for seed " + std::to_string(request.seed),
      "give the same --sets, --seed and --set as the run", err);
  if (!read) return 2;
  const Json& results = *read;
  try {
    const Json analysis = analyse_uncertainty(results, request);
    fs::create_directories(base.out);
    write_file_atomically(base.out / "uncertainty.json", analysis.dump(1) + "\n");
    if (!base.quiet) out << uncertainty_summary_text(analysis);
    err << "recordflow: uncertainty analysis in " << (base.out / "uncertainty.json").string() << "\n";
  } catch (const std::exception& e) {
    err << "recordflow: cannot analyse " << (results_dir / "results.json").string() << ": " << e.what()
        << "\n";
    return 1;
  }
  return 0;
}

}  // namespace recordflow
