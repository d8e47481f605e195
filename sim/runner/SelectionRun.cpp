#include "runner/SelectionRun.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "runner/AtomicFile.hpp"
#include "runner/Comparison.hpp"
#include "runner/ParameterSets.hpp"
#include "runner/Runner.hpp"
#include "stats/BestDesignSelection.hpp"
#include "stats/Estimate.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using Json = nlohmann::json;
namespace {

// Thrown out of the replication source when a stage's run fails; carries its exit code.
struct StageFailed {
  int code;
};

// Replications 0..count-1 of every design of `results` on `metric` (no dimensions), in the run's design
// order.
std::vector<std::vector<double>> metric_values(const Json& results, const std::string& metric, int count) {
  const auto designs = results.at("manifest").at("designs").get<std::vector<std::string>>();
  std::map<std::string, std::map<int, double>> by_design;
  for (const auto& r : results.at("replications"))
    for (const auto& m : r.at("metrics"))
      if (m.at("metric") == metric && m.at("dims").empty())
        by_design[r.at("design").get<std::string>()][r.at("replication").get<int>()] =
            m.at("value").get<double>();
  std::vector<std::vector<double>> values;
  for (const auto& d : designs) {
    values.emplace_back();
    for (int i = 0; i < count; ++i) {
      const auto& v = by_design[d];
      const auto found = v.find(i);
      if (found == v.end())
        throw std::invalid_argument("replication " + std::to_string(i) + " of design " + d +
                                    " has no value of " + metric +
                                    " (hint: choose a metric every replication reports, such as gap_rate)");
      values.back().push_back(found->second);
    }
  }
  return values;
}

}  // namespace

int execute_selection(const SelectionOptions& options, std::ostream& out, std::ostream& err) {
  if (!(options.indifference > 0)) {
    err << "--indifference must be greater than 0 (in the metric's units)\n";
    return 2;
  }
  if (!(options.alpha > 0 && options.alpha < 1)) {
    err << "--alpha must lie strictly between 0 and 1\n";
    return 2;
  }
  if (options.first_stage < 2) {
    err << "--first-stage must be at least 2\n";
    return 2;
  }
  const SelectionRule rule{options.indifference, options.alpha, options.first_stage,
                           larger_is_better(options.metric)};
  Json last;
  const ReplicationSource source = [&](int count) {
    RunRequest run = options.run;
    run.replications = count;
    run.out = count == options.first_stage ? options.run.out / "first-stage" : options.run.out;
    std::ostream discard(nullptr);
    const int code = execute_run(run, discard, err);
    if (code != 0) throw StageFailed{code};
    last = read_results((run.out / "results.json").string());
    return metric_values(last, options.metric, count);
  };
  Selection selection;
  try {
    selection = select_in_two_stages(source, rule);
  } catch (const StageFailed& failed) {
    return failed.code;
  } catch (const std::exception& e) {
    err << "recordflow: --metric " << options.metric << ": " << e.what() << "\n";
    return 2;
  }
  const auto designs = last.at("manifest").at("designs").get<std::vector<std::string>>();
  const auto values = metric_values(last, options.metric, selection.replications);
  Json analysis{{"format", "recordflow-selection"},
                {"version", 1},
                {"method",
                 "two-stage indifference-zone selection with common random numbers (Clark and Yang "
                 "1986; Nelson and Matejcik 1995, procedure B), Bonferroni over the k - 1 pairs"},
                {"metric", options.metric},
                {"larger_is_better", rule.larger_is_better},
                {"indifference", options.indifference},
                {"alpha", options.alpha},
                {"first_stage", options.first_stage},
                {"replications", selection.replications},
                {"best", designs.at(static_cast<std::size_t>(selection.best))}};
  Json per_design = Json::array();
  for (std::size_t d = 0; d < designs.size(); ++d) {
    const Estimate e = estimate(values[d]);
    per_design.push_back(Json{{"design", designs[d]},
                              {"mean", e.mean},
                              {"ci_low", e.ci_low.value_or(e.mean)},
                              {"ci_high", e.ci_high.value_or(e.mean)}});
  }
  analysis["designs"] = per_design;
  const std::string statement =
      designs.at(static_cast<std::size_t>(selection.best)) + " is best on " + options.metric +
      ": if the best design beats every other by at least " + std::to_string(options.indifference) +
      ", this choice is right with probability at least " + std::to_string(1 - options.alpha) + " (" +
      std::to_string(selection.replications) + " replications per design)";
  analysis["statement"] = statement;
  try {
    write_file_atomically(options.run.out / "selection.json", analysis.dump(1) + "\n");
  } catch (const std::exception& e) {
    err << "recordflow: cannot write the selection: " << e.what() << "\n";
    return 1;
  }
  if (!options.run.quiet) out << statement << "\n";
  err << "recordflow: selection in " << (options.run.out / "selection.json").string() << "\n";
  return 0;
}

}  // namespace recordflow
