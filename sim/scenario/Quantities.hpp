// Quantities: reads the valued JSON forms of the scenario language into C++ values: durations (hours,
// also chained like "6 d 1 h"), rates (per hour), distributions of durations (LANGUAGE.md, "Values with
// units") and weekly calendars ("08:00-18:30" per day; `weekdays`, `every_day`; an end before the start is
// an overnight shift). Each reader returns nullopt and an explanation when the value is malformed.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/Calendar.hpp"
#include "core/Distribution.hpp"
#include "core/Units.hpp"

namespace recordflow {

std::optional<Hours> read_duration(const nlohmann::json& value, std::string* error = nullptr);
std::optional<double> read_rate(const nlohmann::json& value, std::string* error = nullptr);
std::optional<Distribution> read_distribution(const nlohmann::json& value, std::string* error = nullptr);

// A problem inside a calendar: `where` is a pointer relative to the calendar ("/weekly/mon/0").
struct CalendarProblem {
  std::string where;
  std::string message;
};
std::optional<Calendar> read_calendar(const nlohmann::json& value,
                                      std::vector<CalendarProblem>* problems = nullptr);

// The hour of the first run within the period for a batch schedule {"every", "at" | "offset"}.
std::optional<Hours> batch_offset(const nlohmann::json& schedule, Hours every, std::string* error = nullptr);

}  // namespace recordflow
