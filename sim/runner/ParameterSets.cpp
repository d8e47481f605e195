#include "runner/ParameterSets.hpp"

#include "stats/LatinHypercube.hpp"

namespace recordflow {

ParameterSets sample_parameter_sets(const std::vector<UncertainInput>& inputs, int count,
                                    std::uint64_t seed) {
  ParameterSets sets;
  sets.levels = latin_hypercube(count, static_cast<int>(inputs.size()), seed);
  for (const auto& row : sets.levels) {
    nlohmann::json point = nlohmann::json::object();
    for (std::size_t i = 0; i < inputs.size(); ++i) point[inputs[i].pointer] = inputs[i].value_at(row[i]);
    sets.overrides.push_back(std::move(point));
  }
  return sets;
}

bool larger_is_better(const std::string& metric) {
  return metric.rfind("share_within", 0) == 0 || metric == "copies_available" ||
         metric == "gaps_resolved_by_phone";
}

}  // namespace recordflow
