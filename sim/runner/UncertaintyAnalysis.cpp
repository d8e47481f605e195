#include "runner/UncertaintyAnalysis.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <stdexcept>

#include "stats/DecisionAnalysis.hpp"

namespace recordflow {
namespace {

using Json = nlohmann::json;

double quantile_of(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const double at = p * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(at);
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (at - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

Json distribution(const std::vector<double>& v) {
  double mean = 0;
  for (const double x : v) mean += x / static_cast<double>(v.size());
  double squares = 0;
  for (const double x : v) squares += (x - mean) * (x - mean);
  return Json{{"mean", mean},
              {"sd", v.size() > 1 ? std::sqrt(squares / static_cast<double>(v.size() - 1)) : 0.0},
              {"p05", quantile_of(v, 0.05)},
              {"p50", quantile_of(v, 0.5)},
              {"p95", quantile_of(v, 0.95)}};
}

// One metric (or the objective): value[s][d] in the metric's units, `larger` its direction.
Json analyse_values(const std::string& name, const ValueMatrix& value, bool larger,
                    const std::vector<std::string>& designs, const UncertaintyRequest& request) {
  ValueMatrix utility = value;  // larger is better
  if (!larger)
    for (auto& row : utility)
      for (auto& v : row) v = -v;
  const auto p_best = probability_best(utility);
  const double sets = static_cast<double>(value.size());
  Json out{{"metric", name}, {"larger_is_better", larger}};
  Json per_design = Json::array();
  for (std::size_t d = 0; d < designs.size(); ++d) {
    std::vector<double> v;
    for (const auto& row : value) v.push_back(row[d]);
    Json entry = distribution(v);
    entry["design"] = designs[d];
    entry["probability_best"] = p_best[d];
    entry["probability_best_se"] = std::sqrt(p_best[d] * (1 - p_best[d]) / sets);
    per_design.push_back(std::move(entry));
  }
  out["designs"] = std::move(per_design);
  Json differences = Json::array();
  for (std::size_t d = 0; d < designs.size(); ++d)
    for (std::size_t e = 0; e < designs.size(); ++e) {
      if (d == e) continue;
      std::vector<double> diff;
      double better = 0;
      for (std::size_t s = 0; s < value.size(); ++s) {
        diff.push_back(value[s][d] - value[s][e]);
        better += utility[s][d] > utility[s][e] ? 1 : 0;
      }
      Json entry = distribution(diff);
      entry["design"] = designs[d];
      entry["versus"] = designs[e];
      entry["probability_better"] = better / sets;
      differences.push_back(std::move(entry));
    }
  out["differences"] = std::move(differences);
  out["evpi"] = expected_value_of_perfect_information(utility);
  std::vector<int> group_of;
  const auto groups = uncertainty_groups(request.inputs, &group_of);
  Json evppi = Json::array();
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::vector<std::vector<double>> x(value.size());
    Json pointers = Json::array();
    for (std::size_t i = 0; i < request.inputs.size(); ++i) {
      if (group_of[i] != static_cast<int>(g)) continue;
      pointers.push_back(request.inputs[i].pointer);
      for (std::size_t s = 0; s < value.size(); ++s) x[s].push_back(request.sets.levels[s][i]);
    }
    evppi.push_back(Json{{"group", groups[g]},
                         {"inputs", pointers},
                         {"evppi", expected_value_of_partial_perfect_information(utility, x)}});
  }
  out["evppi"] = std::move(evppi);
  return out;
}

}  // namespace

Json analyse_uncertainty(const Json& results, const UncertaintyRequest& request) {
  const auto designs = results.at("manifest").at("designs").get<std::vector<std::string>>();
  const std::size_t sets = request.sets.levels.size();
  // metric -> [set][design], NaN where absent
  std::map<std::string, ValueMatrix> values;
  for (const auto& m : request.metrics)
    values[m] = ValueMatrix(sets, std::vector<double>(designs.size(), std::nan("")));
  std::map<std::string, std::size_t> design_index;
  for (std::size_t d = 0; d < designs.size(); ++d) design_index[designs[d]] = d;
  for (const auto& entry : results.at("summary")) {
    if (!entry.at("dims").empty() || !entry.contains("point")) continue;
    const auto metric = entry.at("metric").get<std::string>();
    const auto point = entry.at("point").get<std::size_t>();
    if (!values.count(metric) || point >= sets || !design_index.count(entry.at("design"))) continue;
    values[metric][point][design_index[entry.at("design").get<std::string>()]] =
        entry.at("mean").get<double>();
  }
  for (const auto& [metric, matrix] : values)
    for (std::size_t s = 0; s < sets; ++s)
      for (std::size_t d = 0; d < designs.size(); ++d)
        if (std::isnan(matrix[s][d]))
          throw std::runtime_error("the results hold no value of " + metric + " for design " + designs[d] +
                                   " at parameter set " + std::to_string(s));
  Json analysis{{"format", "recordflow-uncertainty"},
                {"version", 1},
                {"seed", request.seed},
                {"designs", designs},
                {"estimators",
                 {{"sample", "Latin hypercube over the inputs' probability levels"},
                  {"probability_best", "share of parameter sets where the design is best (ties shared)"},
                  {"evpi", "mean over sets of the best design's value minus the best mean value"},
                  {"evppi",
                   "regression estimator: each design's value fitted on the group's input levels "
                   "(linear and squared terms, least squares), then EVPI of the fitted values"}}}};
  Json inputs = Json::array();
  for (const auto& i : request.inputs)
    inputs.push_back(Json{
        {"pointer", i.pointer}, {"distribution", i.describe()}, {"group", i.group}, {"source", i.source}});
  analysis["inputs"] = std::move(inputs);
  Json parameter_sets = Json::array();
  for (std::size_t s = 0; s < sets; ++s)
    parameter_sets.push_back(Json{{"set", s}, {"values", request.sets.overrides[s]}});
  analysis["parameter_sets"] = std::move(parameter_sets);
  Json metrics = Json::array();
  for (const auto& m : request.metrics)
    metrics.push_back(analyse_values(m, values[m], larger_is_better(m), designs, request));
  analysis["metrics"] = std::move(metrics);
  if (request.objective.is_object()) {
    ValueMatrix objective(sets, std::vector<double>(designs.size(), 0.0));
    for (const auto& [metric, weight] : request.objective.at("weights").items()) {
      if (!values.count(metric))
        throw std::runtime_error("the objective weighs " + metric +
                                 ", which is not among the metrics analysed");
      for (std::size_t s = 0; s < sets; ++s)
        for (std::size_t d = 0; d < designs.size(); ++d)
          objective[s][d] += weight.get<double>() * values[metric][s][d];
    }
    analysis["objective"] =
        analyse_values(request.objective.value("name", "objective"), objective, true, designs, request);
  }
  return analysis;
}

std::string uncertainty_summary_text(const Json& analysis) {
  std::ostringstream out;
  auto blocks = analysis.at("metrics");
  if (analysis.contains("objective")) blocks.push_back(analysis["objective"]);
  for (const auto& m : blocks) {
    out << m.at("metric").get<std::string>() << " ("
        << (m.at("larger_is_better").get<bool>() ? "larger" : "smaller") << " is better): P(best)";
    for (const auto& d : m.at("designs"))
      out << " " << d.at("design").get<std::string>() << " "
          << std::lround(100 * d.at("probability_best").get<double>()) << " %";
    out << "; EVPI " << m.at("evpi").get<double>();
    for (const auto& g : m.at("evppi"))
      out << "; EVPPI[" << g.at("group").get<std::string>() << "] " << g.at("evppi").get<double>();
    out << "\n";
  }
  return out.str();
}

}  // namespace recordflow
