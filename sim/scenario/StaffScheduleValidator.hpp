// StaffScheduleValidator: checks the `schedule` of every staff pool of a composed scenario document
// (LANGUAGE.md, "Staff schedules"): counts are 0 or more, `from_day` values are 0 or more and strictly
// increasing, and each starts before the horizon (from_day x 24 h < experiment.horizon, when the horizon
// can be read); a named pool has no schedule, only a named pool has absences, and their distributions
// are well formed and never negative. Types are the schema's business; entries of the wrong type are skipped here.
#pragma once

#include <nlohmann/json.hpp>

#include "scenario/ValidationReport.hpp"

namespace recordflow {

void validate_staff_schedules(const nlohmann::json& document, ValidationReport& report);

}  // namespace recordflow
