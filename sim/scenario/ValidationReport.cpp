#include "scenario/ValidationReport.hpp"

#include <algorithm>
#include <cstdio>

#include "core/Units.hpp"
#include "scenario/Quantities.hpp"

namespace recordflow {

void ValidationReport::add(const std::string& pointer, std::string message, std::string hint) {
  if (!seen_.insert({pointer, message}).second) return;
  diagnostics_.push_back({sources_.file_of(pointer), pointer, std::move(message), std::move(hint), 0, 0});
}

bool ValidationReport::reference(const std::string& pointer, const std::string& what, const std::string& name,
                                 const std::vector<std::string>& known) {
  if (std::find(known.begin(), known.end(), name) != known.end()) return true;
  const std::string guess = did_you_mean(name, known);
  std::string hint;
  if (!guess.empty())
    hint = "did you mean \"" + guess + "\"?";
  else if (known.empty())
    hint = "none is declared";
  else {
    hint = "known: ";
    for (std::size_t i = 0; i < known.size() && i < 8; ++i) hint += (i ? ", " : "") + known[i];
    if (known.size() > 8) hint += ", ...";
  }
  add(pointer, "unknown " + what + " \"" + name + "\"", hint);
  return false;
}

std::optional<double> ValidationReport::duration(const std::string& pointer, const nlohmann::json& value,
                                                 double minimum, bool strict, const std::string& what) {
  std::string error;
  auto hours = read_duration(value, &error);
  if (!hours) {
    if (!format_error(error)) add(pointer, what + ": " + error);
    return std::nullopt;
  }
  if (*hours < minimum || (strict && *hours == minimum)) {
    add(pointer,
        what + " must be " + (strict ? "greater than " : "at least ") + format_duration(minimum) + ", got " +
            value.dump(),
        *hours < 0 ? "durations cannot be negative" : "");
  }
  return hours;
}

std::optional<Distribution> ValidationReport::distribution(const std::string& pointer,
                                                           const nlohmann::json& value,
                                                           const std::string& what) {
  std::string error;
  auto dist = read_distribution(value, &error);
  if (!dist) {
    if (!format_error(error)) add(pointer, what + ": " + error);
    return std::nullopt;
  }
  if (dist->min_value() < 0)
    add(pointer, what + " may not be negative, got " + value.dump(), "durations cannot be negative");
  return dist;
}

std::vector<std::string> member_names(const nlohmann::json& object, const char* key) {
  std::vector<std::string> names;
  if (object.is_object() && object.contains(key) && object[key].is_object())
    for (const auto& item : object[key].items()) names.push_back(item.key());
  return names;
}

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

bool format_error(const std::string& error) {
  static const char* const kFormat[] = {"expected a number",
                                        "missing unit",
                                        "unknown time unit",
                                        "expected a duration",
                                        "expected a rate",
                                        "needs a number",
                                        "needs \"",
                                        "needs a non-empty",
                                        "expected a clock time",
                                        "unknown unit",
                                        "unknown distribution",
                                        "unexpected text",
                                        "each point is"};
  return std::any_of(std::begin(kFormat), std::end(kFormat),
                     [&](const char* f) { return error.find(f) != std::string::npos; });
}

}  // namespace recordflow
