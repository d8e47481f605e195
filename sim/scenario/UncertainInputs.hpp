// UncertainInputs: the numbers of a scenario that are not known exactly (LANGUAGE.md "Uncertain inputs").
// The top-level `uncertainty` object maps a JSON Pointer into the resolved scenario to a distribution of
// the value found there, with its `source` (a published figure or a stated assumption) and an optional
// `group` (inputs whose evidence would be collected together). Values are plain numbers or durations
// ("2 h"); a sampled duration is written back in hours. Invariants after reading: low <= mode <= high,
// a probability or share stays in [0, 1], and the pointer names an existing number or duration.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenario/Diagnostic.hpp"

namespace recordflow {

class SourceMap;

struct UncertainInput {
  enum class Kind { uniform, triangular, beta };
  std::string pointer;  // where the value lives in the resolved scenario
  Kind kind = Kind::uniform;
  double low = 0;              // uniform/triangular: min; beta: lower end of its support (default 0)
  double mode = 0;             // triangular only
  double high = 0;             // uniform/triangular: max; beta: upper end (default 1)
  double alpha = 1, beta = 1;  // beta only
  bool duration = false;       // the value is a duration string; low/mode/high are hours
  std::string source;
  std::string group;  // defaults to the pointer itself (a group of one)

  // The value at probability u in (0, 1) (inverse CDF, Boost.Math), in the input's own units.
  double quantile(double u) const;
  // That value as JSON, ready to put at `pointer` ("1.5 h" for durations).
  nlohmann::json value_at(double u) const;
  // "uniform(0.3, 0.7)", "triangular(1 h, 2 h, 6 h)", "beta(8, 2)".
  std::string describe() const;
};

// Reads and checks `doc["uncertainty"]` against `doc` (the resolved scenario). Every problem is added to
// `problems` with the file that declared the entry and its path (/uncertainty/<pointer, escaped>).
std::vector<UncertainInput> read_uncertain_inputs(const nlohmann::json& doc, const SourceMap& sources,
                                                  std::vector<Diagnostic>& problems);

// Names of the groups in first-appearance order; inputs[i] belongs to groups[group_index[i]].
std::vector<std::string> uncertainty_groups(const std::vector<UncertainInput>& inputs,
                                            std::vector<int>* group_index = nullptr);

}  // namespace recordflow
