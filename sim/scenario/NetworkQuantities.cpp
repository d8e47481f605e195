#include "scenario/NetworkQuantities.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>

namespace recordflow {
namespace {

void fail(std::string* error, const std::string& message) {
  if (error != nullptr) *error = message;
}

// "<number> <unit>" with optional spaces; the unit must be one of `units` (name -> factor).
std::optional<double> number_with_unit(const std::string& text, const std::map<std::string, double>& units,
                                       const char* example, std::string* error) {
  std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) begin = text.size();
  const char* first = text.data() + begin;
  const char* last = text.data() + text.size();
  double value = 0;
  const auto [end, code] = std::from_chars(first, last, value);
  if (code != std::errc() || !std::isfinite(value) || value < 0) {
    fail(error, std::string("expected a non-negative number with a unit, e.g. \"") + example + "\"");
    return std::nullopt;
  }
  std::string unit(end, last);
  unit.erase(0, unit.find_first_not_of(" \t"));
  unit.erase(unit.find_last_not_of(" \t") + 1);
  const auto found = units.find(unit);
  if (found == units.end()) {
    fail(error, "unknown unit \"" + unit + "\" (e.g. \"" + example + "\")");
    return std::nullopt;
  }
  return value * found->second;
}

}  // namespace

std::optional<double> read_bandwidth(const nlohmann::json& value, std::string* error) {
  static const std::map<std::string, double> kUnits{
      {"bit/s", 1.0 / 8}, {"kbit/s", 1e3 / 8}, {"Mbit/s", 1e6 / 8}, {"Gbit/s", 1e9 / 8},
      {"B/s", 1.0},       {"kB/s", 1e3},       {"MB/s", 1e6},       {"GB/s", 1e9}};
  if (!value.is_string()) {
    fail(error, "expected a bandwidth string, e.g. \"1 Gbit/s\"");
    return std::nullopt;
  }
  return number_with_unit(value.get<std::string>(), kUnits, "1 Gbit/s", error);
}

std::optional<double> read_data_size(const nlohmann::json& value, std::string* error) {
  static const std::map<std::string, double> kUnits{{"B", 1.0}, {"kB", 1e3}, {"MB", 1e6}, {"GB", 1e9}};
  if (value.is_number_unsigned()) return static_cast<double>(value.get<std::uint64_t>());
  if (value.is_number_integer()) {
    if (value.get<std::int64_t>() >= 0) return static_cast<double>(value.get<std::int64_t>());
  } else if (value.is_string()) {
    return number_with_unit(value.get<std::string>(), kUnits, "2.5 MB", error);
  }
  fail(error, "expected a number of bytes or a size string, e.g. \"2.5 MB\"");
  return std::nullopt;
}

}  // namespace recordflow
