#include "runner/SensitivityRun.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "runner/AtomicFile.hpp"
#include "runner/ParameterSets.hpp"
#include "runner/Runner.hpp"
#include "runner/SensitivityStage.hpp"
#include "runner/SobolAnalysis.hpp"
#include "runner/SwitchingAnalysis.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "stats/MorrisScreening.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using Json = nlohmann::json;
namespace {
// An input is important when its mu* reaches this share of the largest mu* of some headline difference.
constexpr double kImportantShare = 0.1;
}  // namespace

int execute_sensitivity(const SensitivityOptions& options, std::ostream& out, std::ostream& err) {
  const RunRequest& base = options.base.run;
  const auto scenario = load_uncertain_scenario(base, err);
  if (!scenario) return 2;
  const LoadedScenario& loaded = *scenario;
  if (options.base.sets < 2 || options.levels < 2 || options.levels % 2) {
    err << "--trajectories must be at least 2 and --levels even\n";
    return 2;
  }
  if (options.sobol_base == 1 || options.sobol_base < 0 || options.switch_grid == 1 ||
      options.switch_grid < 0 || options.sobol_inputs < 1) {
    err << "--sobol-base and --switch-grid must be 0 (skip the stage) or at least 2, --sobol-inputs at least "
           "1\n";
    return 2;
  }
  const auto& inputs = loaded.uncertain_inputs;
  const std::uint64_t seed = options.base.sample_seed.value_or(
      base.seed.value_or(loaded.resolved.value("/experiment/seed"_json_pointer, std::uint64_t{1})));
  const MorrisDesign design =
      morris_design(static_cast<int>(inputs.size()), options.base.sets, options.levels, seed);
  std::vector<Json> points;
  for (const auto& p : design.points) {
    Json point = Json::object();
    // Grid ends 0 and 1 are mapped half a step inside, so every input stays within its support's interior.
    for (std::size_t i = 0; i < inputs.size(); ++i)
      point[inputs[i].pointer] = inputs[i].value_at(0.005 + 0.99 * p[i]);
    points.push_back(std::move(point));
  }
  const std::string again = "give the same --trajectories, --levels, --seed and --set as the run";
  std::optional<Json> read;
  if (options.base.from) {
    read = read_results_at_points(*options.base.from, points, "this Morris design", again, err);
    if (!read) return 2;
  } else {
    StageOutcome morris = run_stage(base, points, base.out, "this Morris design", again, err);
    if (!morris.results) return morris.exit_code;
    read = std::move(morris.results);
  }
  const Json& results = *read;
  const std::vector<std::string> metrics = options.base.metrics.empty()
                                               ? std::vector<std::string>{"gap_rate", "staff_minutes"}
                                               : options.base.metrics;
  // (design, metric) -> mean difference from the baseline per point
  std::map<std::pair<std::string, std::string>, std::vector<double>> differences;
  for (const auto& c : results.at("comparisons")) {
    if (!c.at("dims").empty() || !c.contains("point")) continue;
    const auto metric = c.at("metric").get<std::string>();
    if (std::find(metrics.begin(), metrics.end(), metric) == metrics.end()) continue;
    auto& v = differences[{c.at("design").get<std::string>(), metric}];
    v.resize(points.size(), std::nan(""));
    v[c.at("point").get<std::size_t>()] = c.at("mean_difference").get<double>();
  }
  Json analysis{{"format", "recordflow-sensitivity"},
                {"version", 1},
                {"method", "Morris elementary effects (mu* of Campolongo et al. 2007) on probability levels"},
                {"trajectories", design.trajectories},
                {"levels", options.levels},
                {"seed", seed},
                {"baseline", results.at("manifest").value("baseline", Json())}};
  Json out_differences = Json::array();
  for (const auto& [key, values] : differences) {
    if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); })) continue;
    const auto effects = elementary_effects(design, values);
    Json per_input = Json::array();
    for (std::size_t i = 0; i < inputs.size(); ++i)
      per_input.push_back(Json{{"pointer", inputs[i].pointer},
                               {"group", inputs[i].group},
                               {"mu_star", effects[i].mu_star},
                               {"mu", effects[i].mu},
                               {"sigma", effects[i].sigma}});
    std::stable_sort(per_input.begin(), per_input.end(), [](const Json& a, const Json& b) {
      return a["mu_star"].get<double>() > b["mu_star"].get<double>();
    });
    out_differences.push_back(Json{{"design", key.first}, {"metric", key.second}, {"inputs", per_input}});
  }
  analysis["differences"] = std::move(out_differences);

  // Stages 2 and 3 on the important inputs: Sobol indices, then switching values.
  const std::vector<std::size_t> selected =
      important_inputs(analysis["differences"], inputs, kImportantShare, options.sobol_inputs);
  analysis["important_inputs"] = Json::array();
  for (const std::size_t k : selected) analysis["important_inputs"].push_back(inputs[k].pointer);
  analysis["important_rule"] = {{"share_of_largest_mu_star", kImportantShare},
                                {"max_inputs", options.sobol_inputs}};
  analysis["sobol"] = Json::array();
  analysis["switching"] = Json::array();
  if (!selected.empty() && options.sobol_base > 0) {
    const SaltelliDesign sobol = saltelli_design(options.sobol_base, static_cast<int>(selected.size()));
    std::vector<Json> sobol_points;
    for (const auto& p : sobol.points) sobol_points.push_back(point_at_levels(inputs, selected, p));
    StageOutcome stage =
        run_stage(base, sobol_points, base.out / "sobol", "the Sobol points of this analysis",
                  "give the same options and --set as the run", err);
    if (!stage.results) return stage.exit_code;
    analysis["sobol_base"] = options.sobol_base;
    analysis["sobol"] = sobol_analysis(*stage.results, sobol, inputs, selected, metrics, seed);
  }
  if (!selected.empty() && options.switch_grid > 0) {
    StageOutcome stage = run_stage(base, switching_points(inputs, selected, options.switch_grid),
                                   base.out / "switching", "the switching-value grid of this analysis",
                                   "give the same options and --set as the run", err);
    if (!stage.results) return stage.exit_code;
    analysis["switch_grid"] = options.switch_grid;
    try {
      analysis["switching"] =
          switching_analysis(*stage.results, inputs, selected, options.switch_grid, metrics);
    } catch (const std::exception& e) {
      err << "recordflow: " << (base.out / "switching" / "results.json").string() << ": " << e.what()
          << " (hint: switching values need at least 2 replications per point: -n 2)\n";
      return 2;
    }
  }
  try {
    fs::create_directories(base.out);
    write_file_atomically(base.out / "sensitivity.json", analysis.dump(1) + "\n");
  } catch (const std::exception& e) {
    err << "recordflow: cannot write the sensitivity analysis: " << e.what() << "\n";
    return 1;
  }
  if (!base.quiet) {
    for (const auto& d : analysis["differences"]) {
      out << d["design"].get<std::string>() << " - baseline, " << d["metric"].get<std::string>() << ": ";
      for (std::size_t i = 0; i < std::min<std::size_t>(3, d["inputs"].size()); ++i)
        out << (i ? ", " : "") << d["inputs"][i]["pointer"].get<std::string>() << " (mu* "
            << d["inputs"][i]["mu_star"].get<double>() << ")";
      out << "\n";
    }
    for (const auto& d : analysis["sobol"]) {
      out << d["design"].get<std::string>() << " - baseline, " << d["metric"].get<std::string>()
          << ", Sobol:";
      for (const auto& i : d["inputs"])
        out << " " << i["pointer"].get<std::string>() << " S " << i["first"].get<double>() << " ST "
            << i["total"].get<double>() << " [" << i["total_low"].get<double>() << ", "
            << i["total_high"].get<double>() << "]";
      out << "\n";
    }
    out << switching_summary_text(analysis["switching"]);
  }
  err << "recordflow: sensitivity analysis in " << (base.out / "sensitivity.json").string() << "\n";
  return 0;
}

}  // namespace recordflow
