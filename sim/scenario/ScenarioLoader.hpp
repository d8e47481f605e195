// ScenarioLoader: the one way in from JSON files to a Scenario. Reads a scenario file, composes it
// (includes, merge patches, archetypes, `set` pointers, extra overrides), validates it against the JSON
// Schema and the semantic rules (references, sums of probabilities, schedules, staff hours, routed
// needs), and builds the C++ model for one design. Never throws on bad input from load_scenario: every
// problem becomes a Diagnostic. Never crashes on garbage, deep nesting, invalid UTF-8 or huge numbers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "scenario/Diagnostic.hpp"
#include "scenario/Scenario.hpp"
#include "scenario/UncertainInputs.hpp"

namespace recordflow {

using JsonOverride = std::pair<std::string, nlohmann::json>;  // JSON Pointer and the value to put there

struct LoadedScenario {
  std::string path;                     // the scenario file as given
  nlohmann::json resolved;              // composed document, defaults filled in, before design overrides
  std::vector<std::string> designs;     // design names in declaration order
  std::vector<Diagnostic> diagnostics;  // empty when the scenario is valid
  std::vector<Diagnostic> warnings;  // defaults that change results, applied silently (DefaultWarnings.hpp)
  std::vector<UncertainInput> uncertain_inputs;  // the `uncertainty` section, checked
  bool ok() const { return diagnostics.empty(); }
};

// Loads, composes and fully validates (every design). `overrides` are applied after the file's own `set`.
LoadedScenario load_scenario(const std::string& path, const std::vector<JsonOverride>& overrides = {});

// Builds the model of `design` from a resolved document (as produced by load_scenario). Applies the
// design's `set`. Throws ScenarioError if the document is invalid for that design.
Scenario build_scenario(const nlohmann::json& resolved, const std::string& design,
                        const std::string& source_file = "");

// Checks a reusable model part (e.g. a file under models/) on its own: reading, composition (its includes,
// archetypes, `set`) and the JSON Schema. Completeness and cross-references are checked on scenarios only.
std::vector<Diagnostic> check_model_part(const std::string& path);

// The JSON Schema of the scenario language (the text of sim/scenario/scenario.schema.json, compiled in).
const std::string& scenario_schema_text();

}  // namespace recordflow
