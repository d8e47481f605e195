// ParameterSets: the draws of a scenario's uncertain inputs that `recordflow uncertainty` runs every design
// at. A Latin hypercube of `count` points over the inputs (stats/LatinHypercube.hpp), each coordinate
// mapped through its input's inverse CDF. Deterministic for (inputs, count, seed): an analysis of a merged
// sharded run re-derives the same sets.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "scenario/UncertainInputs.hpp"

namespace recordflow {

struct ParameterSets {
  std::vector<std::vector<double>> levels;  // [set][input]: probability level in (0, 1)
  std::vector<nlohmann::json> overrides;    // [set]: {pointer: value}
};

ParameterSets sample_parameter_sets(const std::vector<UncertainInput>& inputs, int count, std::uint64_t seed);

// Whether a metric is better when larger (shares within target, copies available, gaps resolved by
// phone); every other headline metric (gap rates, delays, staff time, losses) is better when smaller.
bool larger_is_better(const std::string& metric);

// The results.json of `dir` when its manifest's points are exactly `points` (their factors, in order);
// otherwise prints why on `err` ("...: /manifest/points: these results are not <what> (hint: <hint>)")
// and returns nothing.
std::optional<nlohmann::json> read_results_at_points(const std::filesystem::path& dir,
                                                     const std::vector<nlohmann::json>& points,
                                                     const std::string& what, const std::string& hint,
                                                     std::ostream& err);

}  // namespace recordflow
