// SobolAnalysis: the variance-based stage of `recordflow sensitivity`. The important inputs are chosen from
// the Morris screening: an input is important when its mu* reaches `share` of the largest mu* of some
// headline difference; they are ranked by that ratio (largest first, declaration order on ties) and at
// most `max_inputs` are kept. Saltelli's design (stats/SobolIndices.hpp) over their probability levels,
// every other input at its median (probability level 0.5), gives the points; each headline difference
// (design minus baseline, per metric) at a point is its mean paired difference over the point's
// replications, and its first-order and total indices come with 95 % bootstrap intervals.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenario/UncertainInputs.hpp"
#include "stats/SobolIndices.hpp"

namespace recordflow {

// Indices into `inputs` of the important ones, from sensitivity.json's Morris `differences`.
std::vector<std::size_t> important_inputs(const nlohmann::json& morris_differences,
                                          const std::vector<UncertainInput>& inputs, double share,
                                          int max_inputs);

// {pointer: value} for every input: `levels[j]` for important input `selected[j]`, the median for the rest.
nlohmann::json point_at_levels(const std::vector<UncertainInput>& inputs,
                               const std::vector<std::size_t>& selected, const std::vector<double>& levels);

// The Sobol stage's analysis of `results` (the design's points, in order) for `metrics`:
// [{design, metric, inputs: [{pointer, group, first, first_low, first_high, total, total_low, total_high}]}].
nlohmann::json sobol_analysis(const nlohmann::json& results, const SaltelliDesign& design,
                              const std::vector<UncertainInput>& inputs,
                              const std::vector<std::size_t>& selected,
                              const std::vector<std::string>& metrics, std::uint64_t seed);

}  // namespace recordflow
