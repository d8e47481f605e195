// Routing: which channel mix a design gives to one document flow (document type, source organisation,
// destination organisation). The most specific matching rule wins (document, from, to, from_orgs and
// to_orgs each count one); among equally specific rules the later one in the design wins.
#pragma once

#include <string>

#include "scenario/Scenario.hpp"

namespace recordflow {

// nullptr when no rule matches (the flow has no channel in this design).
const FlowRule* route(const Design& design, const std::string& document, const Organisation& source,
                      const Organisation& destination);

// Type-level routing (ignores from_orgs / to_orgs narrowing): used by validation and structure analysis.
const FlowRule* route_by_type(const Design& design, const std::string& document, OrgType source,
                              OrgType destination);

}  // namespace recordflow
