// Defaults: fills every omitted optional key of a composed scenario document with its default value
// (the defaults the schema's descriptions state), so that a resolved document shows exactly what runs.
// Idempotent; leaves values of the wrong type alone (validation reports those). Never removes anything.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace recordflow {

// `design_order`: design names in declaration order; the first becomes the default baseline.
void fill_defaults(nlohmann::json& document, const std::vector<std::string>& design_order = {});

}  // namespace recordflow
