// SchemaValidator: checks a JSON document against the scenario JSON Schema (draft 7, valijson) and
// turns valijson's errors into Diagnostics with JSON Pointers, readable messages and did-you-mean hints
// (unknown keys, enum values). Strings longer than a few hundred characters are not matched against
// patterns (std::regex recurses per character), they fail the pattern instead.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenario/Composition.hpp"
#include "scenario/Diagnostic.hpp"

namespace recordflow {

// Validates `document` against the scenario schema; each diagnostic's file comes from `sources`.
std::vector<Diagnostic> validate_against_schema(const nlohmann::json& document, const SourceMap& sources);

// Validates `document` against an arbitrary draft-7 `schema` (used to check the scenario schema itself
// against the draft-07 meta-schema). Messages are valijson's, pointers are JSON Pointers.
std::vector<Diagnostic> validate_against(const nlohmann::json& schema, const nlohmann::json& document,
                                         const std::string& file);

}  // namespace recordflow
