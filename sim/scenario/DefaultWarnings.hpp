// DefaultWarnings: defaults that change results and that a scenario gets without saying so. `validate`
// prints them as warnings (the scenario stays valid, exit 0) so that an author sees what runs:
// a record system without `access` gets the built-in profile "default" (the clinician always looks,
// in no time, never phones); an access profile without `look_probability` looks every time; an
// experiment without `warm_up` measures from an empty start, one without `horizon` runs 365 days.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "scenario/Composition.hpp"
#include "scenario/Diagnostic.hpp"

namespace recordflow {

// `composed`: the composed document before fill_defaults. One diagnostic per silent default, located by
// the file and JSON Pointer of the object that omits the key.
std::vector<Diagnostic> silent_default_warnings(const nlohmann::json& composed, const SourceMap& sources);

}  // namespace recordflow
