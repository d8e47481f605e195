// ScenarioRun: runs one scenario of tests/closed_form/scenarios with the real `recordflow run` command
// and reads back its results document (sim/runner/RESULTS-FORMAT.md). Lookups throw std::runtime_error
// naming what is missing, which GoogleTest reports as a failure of the calling test.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include <gtest/gtest.h>

namespace recordflow::closed_form {

// Runs `recordflow run <scenario> --out <tmp> --quiet --jobs 2` and returns results.json, run once per
// test process and scenario (later calls return the first run's results).
// Throws with the command and its output when the run fails or writes no results.
const nlohmann::json& run_scenario(const std::string& scenario_file_name);

// The `summary` row for design x metric x dims (dims as a JSON object, {} for none).
const nlohmann::json& summary_row(const nlohmann::json& results, const std::string& design,
                                  const std::string& metric,
                                  const nlohmann::json& dims = nlohmann::json::object());

// Success when the row's 95 % interval [ci_low, ci_high] contains `expected` and its half-width is
// below `max_half_width` (so that a useless wide interval cannot pass).
::testing::AssertionResult covers(const nlohmann::json& row, double expected, double max_half_width);

// Success when the row's mean, ci_low and ci_high are all exactly `value` (deterministic outcomes).
::testing::AssertionResult exactly(const nlohmann::json& row, double value);

// Success when copies_created = copies_available + copies_lost + copies_in_flight for the design.
::testing::AssertionResult conserves_copies(const nlohmann::json& results, const std::string& design);

}  // namespace recordflow::closed_form
