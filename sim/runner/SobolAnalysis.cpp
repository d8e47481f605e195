#include "runner/SobolAnalysis.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace recordflow {
using Json = nlohmann::json;

std::vector<std::size_t> important_inputs(const Json& morris_differences,
                                          const std::vector<UncertainInput>& inputs, double share,
                                          int max_inputs) {
  std::vector<double> ratio(inputs.size(), 0.0);  // largest mu* / (largest mu* of the difference)
  for (const auto& d : morris_differences) {
    double largest = 0;
    for (const auto& i : d.at("inputs")) largest = std::max(largest, i.at("mu_star").get<double>());
    if (!(largest > 0)) continue;
    for (const auto& i : d.at("inputs"))
      for (std::size_t k = 0; k < inputs.size(); ++k)
        if (inputs[k].pointer == i.at("pointer").get<std::string>())
          ratio[k] = std::max(ratio[k], i.at("mu_star").get<double>() / largest);
  }
  std::vector<std::size_t> chosen;
  for (std::size_t k = 0; k < inputs.size(); ++k)
    if (ratio[k] > 0 && ratio[k] >= share) chosen.push_back(k);
  std::stable_sort(chosen.begin(), chosen.end(),
                   [&](std::size_t a, std::size_t b) { return ratio[a] > ratio[b]; });
  if (max_inputs >= 0 && chosen.size() > static_cast<std::size_t>(max_inputs))
    chosen.resize(static_cast<std::size_t>(max_inputs));
  return chosen;
}

Json point_at_levels(const std::vector<UncertainInput>& inputs, const std::vector<std::size_t>& selected,
                     const std::vector<double>& levels) {
  Json point = Json::object();
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    double level = 0.5;
    for (std::size_t j = 0; j < selected.size(); ++j)
      if (selected[j] == k) level = levels.at(j);
    point[inputs[k].pointer] = inputs[k].value_at(level);
  }
  return point;
}

Json sobol_analysis(const Json& results, const SaltelliDesign& design,
                    const std::vector<UncertainInput>& inputs, const std::vector<std::size_t>& selected,
                    const std::vector<std::string>& metrics, std::uint64_t seed) {
  // (design, metric) -> mean difference from the baseline per point
  std::map<std::pair<std::string, std::string>, std::vector<double>> differences;
  for (const auto& c : results.at("comparisons")) {
    if (!c.at("dims").empty() || !c.contains("point")) continue;
    const auto metric = c.at("metric").get<std::string>();
    if (std::find(metrics.begin(), metrics.end(), metric) == metrics.end()) continue;
    auto& v = differences[{c.at("design").get<std::string>(), metric}];
    v.resize(design.points.size(), std::nan(""));
    v.at(c.at("point").get<std::size_t>()) = c.at("mean_difference").get<double>();
  }
  Json out = Json::array();
  for (const auto& [key, values] : differences) {
    if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); })) continue;
    const auto indices = sobol_indices(design, values, 500, seed);
    Json per_input = Json::array();
    for (std::size_t j = 0; j < selected.size(); ++j) {
      const UncertainInput& input = inputs[selected[j]];
      const SobolIndex& s = indices[j];
      per_input.push_back(Json{{"pointer", input.pointer},
                               {"group", input.group},
                               {"first", s.first},
                               {"first_low", s.first_low},
                               {"first_high", s.first_high},
                               {"total", s.total},
                               {"total_low", s.total_low},
                               {"total_high", s.total_high}});
    }
    std::stable_sort(per_input.begin(), per_input.end(), [](const Json& a, const Json& b) {
      return a["total"].get<double>() > b["total"].get<double>();
    });
    out.push_back(Json{{"design", key.first}, {"metric", key.second}, {"inputs", per_input}});
  }
  return out;
}

}  // namespace recordflow
