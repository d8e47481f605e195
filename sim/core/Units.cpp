#include "core/Units.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>

namespace recordflow {
namespace {

struct UnitFactor {
  std::string_view name;
  double hours;
};

// Every spelling a planner is likely to type, singular and plural.
constexpr std::array<UnitFactor, 25> kUnits{{
    {"s", 1.0 / 3600},      {"sec", 1.0 / 3600},  {"second", 1.0 / 3600}, {"seconds", 1.0 / 3600},
    {"min", 1.0 / 60},      {"mins", 1.0 / 60},   {"minute", 1.0 / 60},   {"minutes", 1.0 / 60},
    {"h", 1.0},             {"hr", 1.0},          {"hour", 1.0},          {"hours", 1.0},
    {"d", 24.0},            {"day", 24.0},        {"days", 24.0},         {"w", 168.0},
    {"wk", 168.0},          {"week", 168.0},      {"weeks", 168.0},       {"y", 8760.0},
    {"yr", 8760.0},         {"year", 8760.0},     {"years", 8760.0},      {"month", 730.0},
    {"months", 730.0},
}};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<double> unit_hours(std::string_view unit) {
  for (const auto& u : kUnits)
    if (u.name == unit) return u.hours;
  return std::nullopt;
}

void set_error(std::string* error, std::string message) {
  if (error) *error = std::move(message);
}

// Splits "12.5 min" into 12.5 and "min". Rejects NaN, infinities and absurd magnitudes.
std::optional<std::pair<double, std::string_view>> split_number(std::string_view text, std::string* error) {
  text = trim(text);
  double value = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (!text.empty() && text.front() == '+') ++first;
  auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || ptr == first) {
    set_error(error, "expected a number followed by a unit, e.g. \"30 min\" or \"2 d\"");
    return std::nullopt;
  }
  if (!std::isfinite(value) || std::fabs(value) > 1e12) {
    set_error(error, "number out of range");
    return std::nullopt;
  }
  return std::pair{value, trim(std::string_view(ptr, static_cast<std::size_t>(last - ptr)))};
}

}  // namespace

std::optional<Hours> parse_duration(std::string_view text, std::string* error) {
  auto parts = split_number(text, error);
  if (!parts) return std::nullopt;
  if (parts->second.empty()) {
    set_error(error, "missing unit: write e.g. \"30 min\", \"2 h\", \"3 d\" or \"1 w\"");
    return std::nullopt;
  }
  auto factor = unit_hours(parts->second);
  if (!factor) {
    set_error(error, "unknown time unit \"" + std::string(parts->second) + "\" (use s, min, h, d, w, month or y)");
    return std::nullopt;
  }
  return parts->first * *factor;
}

std::optional<double> parse_rate(std::string_view text, std::string* error) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) {
    set_error(error, "expected a rate such as \"12/day\" or \"3/h\"");
    return std::nullopt;
  }
  auto count = split_number(text.substr(0, slash), error);
  if (!count) return std::nullopt;
  if (!count->second.empty()) {
    set_error(error, "unexpected text before '/' in a rate");
    return std::nullopt;
  }
  std::string_view per = trim(text.substr(slash + 1));
  double multiple = 1.0;
  // Allow "12 / 2 h" as well as "12/h".
  if (!per.empty() && (std::isdigit(static_cast<unsigned char>(per.front())) || per.front() == '.')) {
    auto p = split_number(per, error);
    if (!p) return std::nullopt;
    multiple = p->first;
    per = p->second;
  }
  auto factor = unit_hours(per);
  if (!factor) {
    set_error(error, "unknown time unit \"" + std::string(per) + "\" after '/' (use s, min, h, day, week, year)");
    return std::nullopt;
  }
  if (multiple <= 0) {
    set_error(error, "the period of a rate must be positive");
    return std::nullopt;
  }
  return count->first / (multiple * *factor);
}

std::optional<Hours> parse_clock_time(std::string_view text, std::string* error) {
  text = trim(text);
  int hh = 0, mm = 0;
  auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 3 != text.size()) {
    set_error(error, "expected a clock time HH:MM, e.g. \"08:30\"");
    return std::nullopt;
  }
  auto r1 = std::from_chars(text.data(), text.data() + colon, hh);
  auto r2 = std::from_chars(text.data() + colon + 1, text.data() + text.size(), mm);
  if (r1.ec != std::errc() || r2.ec != std::errc() || r1.ptr != text.data() + colon ||
      r2.ptr != text.data() + text.size() || hh < 0 || hh > 24 || mm < 0 || mm > 59 || (hh == 24 && mm != 0)) {
    set_error(error, "expected a clock time between 00:00 and 24:00");
    return std::nullopt;
  }
  return hh + mm / 60.0;
}

std::string format_duration(Hours hours) {
  char buffer[64];
  double a = std::fabs(hours);
  if (a < 1.0 / 60)
    std::snprintf(buffer, sizeof buffer, "%.3g s", hours * 3600);
  else if (a < 1.0)
    std::snprintf(buffer, sizeof buffer, "%.3g min", hours * 60);
  else if (a < 48.0)
    std::snprintf(buffer, sizeof buffer, "%.3g h", hours);
  else
    std::snprintf(buffer, sizeof buffer, "%.3g d", hours / 24);
  return buffer;
}

}  // namespace recordflow
