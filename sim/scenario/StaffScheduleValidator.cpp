#include "scenario/StaffScheduleValidator.hpp"

#include <optional>
#include <string>

#include "core/Units.hpp"
#include "scenario/Composition.hpp"

namespace recordflow {
namespace {

using json = nlohmann::json;

std::optional<Hours> horizon_of(const json& document) {
  if (!document.contains("experiment") || !document["experiment"].is_object()) return std::nullopt;
  const json& e = document["experiment"];
  if (!e.contains("horizon") || !e["horizon"].is_string()) return std::nullopt;
  return parse_duration(e["horizon"].get<std::string>());
}

void check_schedule(const std::string& pool, const std::string& p, const json& schedule,
                    std::optional<Hours> horizon, ValidationReport& r) {
  std::optional<std::int64_t> previous;
  for (std::size_t i = 0; i < schedule.size(); ++i) {
    const json& shift = schedule[i];
    if (!shift.is_object()) continue;
    const std::string q = p + "/" + std::to_string(i);
    if (shift.contains("count") && shift["count"].is_number_integer() &&
        shift["count"].get<std::int64_t>() < 0)
      r.add(q + "/count", "staff pool \"" + pool + "\" is scheduled " + shift["count"].dump() + " people",
            "a count is 0 or more");
    if (!shift.contains("from_day") || !shift["from_day"].is_number_integer()) continue;
    const std::int64_t day = shift["from_day"].get<std::int64_t>();
    if (day < 0) {
      r.add(q + "/from_day", "staff pool \"" + pool + "\" schedule starts on day " + std::to_string(day),
            "days count from 0, the first simulated day");
    } else if (previous && day <= *previous) {
      r.add(q + "/from_day",
            "staff pool \"" + pool + "\" schedule is out of order: day " + std::to_string(day) +
                " comes after day " + std::to_string(*previous),
            "list the entries by strictly increasing from_day");
    } else if (horizon && static_cast<double>(day) * kHoursPerDay >= *horizon) {
      r.add(q + "/from_day",
            "staff pool \"" + pool + "\" schedule day " + std::to_string(day) + " is beyond the horizon (" +
                format_duration(*horizon) + ")",
            "a change must start before the run ends");
    }
    previous = day;
  }
}

}  // namespace

void validate_staff_schedules(const json& document, ValidationReport& report) {
  if (!document.contains("organisations") || !document["organisations"].is_object()) return;
  const std::optional<Hours> horizon = horizon_of(document);
  for (const auto& [org, o] : document["organisations"].items()) {
    if (!o.is_object() || !o.contains("staff") || !o["staff"].is_object()) continue;
    for (const auto& [pool, sp] : o["staff"].items()) {
      if (!sp.is_object()) continue;
      const std::string p =
          pointer_append(pointer_append(pointer_append("/organisations", org), "staff"), pool);
      const bool named = sp.contains("named") && sp["named"].is_boolean() && sp["named"].get<bool>();
      if (named && sp.contains("schedule"))
        report.add(p + "/schedule", "staff pool \"" + pool + "\" is named and has a schedule",
                   "a named pool keeps its people: give each person absences instead, or drop \"named\"");
      if (!named && sp.contains("absence"))
        report.add(p + "/absence", "staff pool \"" + pool + "\" has absences but is not named",
                   "absences are a named person's: add \"named\": true, or use a schedule for head counts");
      if (sp.contains("absence") && sp["absence"].is_object())
        for (const char* key : {"time_between", "duration"})
          if (sp["absence"].contains(key))
            report.distribution(p + "/absence/" + key, sp["absence"][key],
                                std::string("an absence's ") + key);
      if (!sp.contains("schedule") || !sp["schedule"].is_array()) continue;
      check_schedule(pool, p + "/schedule", sp["schedule"], horizon, report);
    }
  }
}

}  // namespace recordflow
