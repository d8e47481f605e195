// SwitchingAnalysis: the switching-value stage of `recordflow sensitivity`. Each important input in turn
// moves along a grid of `grid` probability levels evenly spread over [0.005, 0.995] (its value through its
// inverse CDF) while every other input stays at its median; every design runs at every grid point with
// common random numbers. For every pair of designs (later minus earlier in the run's order), headline
// metric and important input, the paired differences per grid point (stats/PairedDifference.hpp, from the
// stored replications) give the switching values (stats/SwitchingValue.hpp): where the ranking flips,
// with an interval, or none within the range.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenario/UncertainInputs.hpp"

namespace recordflow {

// The grid's probability levels.
std::vector<double> switching_levels(int grid);

// The points: important input selected[0] at every level, then selected[1], ...
std::vector<nlohmann::json> switching_points(const std::vector<UncertainInput>& inputs,
                                             const std::vector<std::size_t>& selected, int grid);

// [{design, versus, metric, pointer, unit, range: [low, high], grid: [{value, mean, ci_low, ci_high}],
//   crossings: [{at, low, high, open_low, open_high, better_below, better_above}], ranking_settled}].
// Throws std::runtime_error when a grid point has fewer than two paired replications.
nlohmann::json switching_analysis(const nlohmann::json& results, const std::vector<UncertainInput>& inputs,
                                  const std::vector<std::size_t>& selected, int grid,
                                  const std::vector<std::string>& metrics);

// One line per (pair, metric, input): the switching value with its interval, or "no switch within".
std::string switching_summary_text(const nlohmann::json& switching);

}  // namespace recordflow
