// Overrides: the `--set PTR=VALUE` and `--factor PTR=v1,v2,...` arguments of run and sweep. PTR is a JSON
// Pointer into the scenario; VALUE is JSON, or else taken as a string (so `--set /experiment/horizon="20 d"`
// works unquoted from a shell). Factor values are split at top-level commas (commas inside brackets,
// braces or quotes stay). A sweep is the full factorial of its factors, first factor varying slowest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scenario/ScenarioLoader.hpp"

namespace recordflow {

std::optional<JsonOverride> parse_override(const std::string& text, std::string* error = nullptr);

struct Factor {
  std::string pointer;
  std::vector<nlohmann::json> values;
};
std::optional<Factor> parse_factor(const std::string& text, std::string* error = nullptr);

// Every combination of the factors' values: one list of overrides per point, in factorial order.
std::vector<std::vector<JsonOverride>> factorial_points(const std::vector<Factor>& factors);

// {pointer: value} of a list of overrides (later ones win), for the manifest.
nlohmann::json overrides_object(const std::vector<JsonOverride>& overrides);

// The text form "PTR=<compact JSON>" that parse_override reads back (to pass to a child process).
std::string override_argument(const JsonOverride& o);

}  // namespace recordflow
