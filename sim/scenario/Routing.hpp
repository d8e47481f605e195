// Routing: which channel mix a design gives to one document flow (document type, source organisation,
// destination organisation) for a document created at time `at` (hours). Only rules active at that time
// count; the most specific matching rule wins (document, from, to, from_orgs and to_orgs each count one);
// among equally specific rules the later one in the design wins.
#pragma once

#include <string>
#include <vector>

#include "scenario/Scenario.hpp"

namespace recordflow {

// nullptr when no rule matches (the flow has no channel in this design).
const FlowRule* route(const Design& design, const std::string& document, const Organisation& source,
                      const Organisation& destination, Hours at = 0);

// Type-level routing (ignores from_orgs / to_orgs narrowing): used by validation and structure analysis.
const FlowRule* route_by_type(const Design& design, const std::string& document, OrgType source,
                              OrgType destination, Hours at = 0);

// Whether `rule` can carry some document from `source` to `destination` (document and time aside; a more
// specific rule may still take those flows): used to list the places a clinician can open.
bool rule_connects(const FlowRule& rule, const Organisation& source, const Organisation& destination);
// Whether `rule` can carry some document to `destination` from some organisation.
bool rule_reaches(const FlowRule& rule, const Organisation& destination);

// The times (> 0, sorted, distinct) at which some rule of the design starts or stops applying: routing is
// constant between consecutive boundaries.
std::vector<Hours> routing_boundaries(const Design& design);

}  // namespace recordflow
