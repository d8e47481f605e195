// UncertaintyAnalysis: turns the results of every design at every parameter set (a results document whose
// points are the sets, RESULTS-FORMAT.md) into what a board needs (UNCERTAINTY.md beside this file):
// per headline metric, the distribution over sets of each design's value and of each paired difference,
// the probability that each design is best, the expected value of perfect information (EVPI) and of
// partial perfect information per group of inputs (EVPPI, regression estimator); the same on the
// scenario's weighted objective if it states one. A design's value at a set is its mean over that set's
// replications (common random numbers across designs), so replication noise is part of the spread.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runner/ParameterSets.hpp"

namespace recordflow {

struct UncertaintyRequest {
  std::vector<std::string> metrics;  // headline metrics (no dimensions)
  nlohmann::json objective;          // experiment.objective or null
  std::vector<UncertainInput> inputs;
  ParameterSets sets;
  std::uint64_t seed = 0;
};

// Throws std::runtime_error when the document does not hold a value for every (set, design, metric).
nlohmann::json analyse_uncertainty(const nlohmann::json& results, const UncertaintyRequest& request);

// A few lines per metric for a terminal: P(best) and EVPI, and the groups worth most.
std::string uncertainty_summary_text(const nlohmann::json& analysis);

}  // namespace recordflow
