// Units: parses quantities written with their unit, as the scenario language requires.
// Durations ("45 s", "30 min", "2 h", "1.5 d", "2 w", "1 y") convert to simulated hours; rates
// ("12/day", "3/h", "100/s", "35/year") convert to events per simulated hour. A year is 365 days.
// Parsing never throws: it returns std::nullopt and fills `error` with a human explanation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace recordflow {

using Hours = double;  // simulated time is always in hours inside recordflow

constexpr Hours kHoursPerDay = 24.0;
constexpr Hours kHoursPerWeek = 168.0;
constexpr Hours kHoursPerYear = 365.0 * 24.0;

// "2 h", "30min", "1.5 d" -> hours. Negative values parse (the caller decides if they are allowed).
std::optional<Hours> parse_duration(std::string_view text, std::string* error = nullptr);

// "12/day", "3 / h", "0.5/week" -> events per hour.
std::optional<double> parse_rate(std::string_view text, std::string* error = nullptr);

// "08:30" -> 8.5 hours after midnight; accepts 00:00 .. 24:00.
std::optional<Hours> parse_clock_time(std::string_view text, std::string* error = nullptr);

// Short human form of a duration in hours, e.g. "2.5 h", "3 d", "45 min" (for messages and summaries).
std::string format_duration(Hours hours);

}  // namespace recordflow
