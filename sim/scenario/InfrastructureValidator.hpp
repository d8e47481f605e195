// InfrastructureValidator: the semantic rules of a scenario's `infrastructure` section that the schema
// cannot express: zones nest without containing themselves (directly or through nesting); every name a
// zone, link or incident refers to exists; a system sits in at most one zone; a link has a positive
// bandwidth and a latency of at least 0; an incident names exactly one zone or link; and, when an
// infrastructure is declared, every system is reached by it: placed in a zone or on a link, and joined
// by links to the systems of the largest connected part (otherwise no route can reach it).
#pragma once

#include <nlohmann/json.hpp>

#include "scenario/ValidationReport.hpp"

namespace recordflow {

// `document` is composed with defaults filled in; does nothing when it has no `infrastructure`.
void validate_infrastructure(const nlohmann::json& document, ValidationReport& report);

}  // namespace recordflow
