// ScenarioBuilder: turns a composed, defaults-filled and validated JSON document into the Scenario model
// for one design: templates with a count become instances "name#1".."name#n", calendars are built from
// weekly strings (plus the built-in "always"), distributions and durations are read in hours, arrival
// rates per 1,000 per year become per hour, profiles are normalised to mean 1.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "scenario/Scenario.hpp"

namespace recordflow {

// Builds the model. Assumes `document` is valid (see build_scenario in ScenarioLoader.hpp, which checks);
// throws nlohmann::json::exception or std::invalid_argument on a malformed value.
Scenario build_model(const nlohmann::json& document, const std::string& design,
                     const std::string& source_file);

// Reads one design's flow rules. Lenient: unknown organisation types and malformed entries are skipped,
// so that validation can route with a design it has not yet proven valid.
Design read_design(const nlohmann::json& design, const std::string& name);

}  // namespace recordflow
