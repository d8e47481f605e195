// FlowValidator: the checks that follow documents through a design. Every organisation type a pathway
// visits or sends to has an organisation; every need reads a document some pathway sends to that type;
// every created flow that a need reads is routed by the design; every staff_task of a channel that a
// flow uses finds its pool at the organisation (template) doing it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "scenario/ValidationReport.hpp"

namespace recordflow {

void validate_coverage(const nlohmann::json& document, ValidationReport& report);
void validate_design_flows(const nlohmann::json& document, const std::string& design,
                           ValidationReport& report);

}  // namespace recordflow
