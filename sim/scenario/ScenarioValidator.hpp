// ScenarioValidator: the semantic rules of a runnable scenario that a JSON Schema cannot express:
// required parts, references between named things, probabilities and shares summing to 1 (1e-9),
// impossible durations (a horizon of at most 100 years), zero arrival rates, schedules, staff pools and
// calendars, channel shapes, and (per design, see FlowValidator) that every needed flow is routed. Collects
// every problem; never throws.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenario/Composition.hpp"
#include "scenario/Diagnostic.hpp"

namespace recordflow {

constexpr double kSumTolerance = 1e-9;
constexpr double kMaxHorizonHours = 100 * 365 * 24;  // 100 years: the longest horizon a scenario may ask

// `document` is composed with defaults filled in; `design` (if not empty) is the design whose flows are
// checked, with its `set` already applied to `document`.
std::vector<Diagnostic> validate_semantics(const nlohmann::json& document, const SourceMap& sources,
                                           const std::string& design);

}  // namespace recordflow
