#include "scenario/Quantities.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

namespace recordflow {
namespace {

using nlohmann::json;

void fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
}

// Splits "6 d 1 h" into "6 d" and "1 h": a new part starts at a digit that follows a letter.
std::vector<std::string> duration_parts(const std::string& text) {
  std::vector<std::string> parts(1);
  bool seen_unit = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    if (seen_unit && (std::isdigit(u) || c == '.')) {
      parts.emplace_back();
      seen_unit = false;
    }
    const bool exponent =
        (c == 'e' || c == 'E') && i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
        i + 1 < text.size() &&
        (std::isdigit(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '-' || text[i + 1] == '+');
    if (std::isalpha(u) && !exponent) seen_unit = true;
    parts.back() += c;
  }
  return parts;
}

std::optional<double> number(const json& object, const char* key, std::string* error) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number()) {
    fail(error, std::string("needs a number \"") + key + "\"");
    return std::nullopt;
  }
  return it->get<double>();
}

std::optional<Hours> member_duration(const json& object, const char* key, std::string* error) {
  auto it = object.find(key);
  if (it == object.end()) {
    fail(error, std::string("needs \"") + key + "\"");
    return std::nullopt;
  }
  std::string inner;
  auto value = read_duration(*it, &inner);
  if (!value) fail(error, std::string("\"") + key + "\": " + inner);
  return value;
}

std::optional<std::vector<double>> durations(const json& list, std::string* error) {
  std::vector<double> out;
  for (const auto& item : list) {
    auto v = read_duration(item, error);
    if (!v) return std::nullopt;
    out.push_back(*v);
  }
  return out;
}

std::optional<Distribution> read_lognormal(const json& value, std::string* error) {
  if (value.contains("median")) {
    auto median = member_duration(value, "median", error);
    auto p90 = member_duration(value, "p90", error);
    if (!median || !p90) return std::nullopt;
    if (!(*median > 0) || !(*p90 > *median)) {
      fail(error, "lognormal needs 0 < median < p90");
      return std::nullopt;
    }
    return Distribution::lognormal_from_median_p90(*median, *p90);
  }
  auto mu = number(value, "mu", error);
  auto sigma = number(value, "sigma", error);
  if (!mu || !sigma) return std::nullopt;
  if (*sigma < 0) {
    fail(error, "lognormal sigma must not be negative");
    return std::nullopt;
  }
  const std::string unit = value.value("unit", std::string("h"));
  auto scale = parse_duration("1 " + unit);
  if (!scale) {
    fail(error, "unknown unit \"" + unit + "\"");
    return std::nullopt;
  }
  return Distribution::lognormal(*mu + std::log(*scale), *sigma);
}

std::optional<Distribution> read_empirical(const json& value, std::string* error) {
  if (!value.contains("values") || !value["values"].is_array() || value["values"].empty()) {
    fail(error, "empirical needs a non-empty list \"values\"");
    return std::nullopt;
  }
  auto values = durations(value["values"], error);
  if (!values) return std::nullopt;
  std::vector<double> weights(values->size(), 1.0);
  if (value.contains("weights")) {
    const json& w = value["weights"];
    if (!w.is_array() || w.size() != values->size()) {
      fail(error, "empirical needs one weight per value");
      return std::nullopt;
    }
    double total = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (!w[i].is_number() || w[i].get<double>() < 0) {
        fail(error, "weights must be non-negative numbers");
        return std::nullopt;
      }
      weights[i] = w[i].get<double>();
      total += weights[i];
    }
    if (!(total > 0)) {
      fail(error, "weights must not all be zero");
      return std::nullopt;
    }
  }
  return Distribution::empirical(*values, weights);
}

std::optional<Distribution> read_empirical_cdf(const json& value, std::string* error) {
  if (!value.contains("points") || !value["points"].is_array() || value["points"].size() < 2) {
    fail(error, "empirical_cdf needs at least two [probability, duration] points");
    return std::nullopt;
  }
  std::vector<double> probabilities, values;
  for (const auto& point : value["points"]) {
    if (!point.is_array() || point.size() != 2 || !point[0].is_number()) {
      fail(error, "each point is [probability, duration]");
      return std::nullopt;
    }
    auto v = read_duration(point[1], error);
    if (!v) return std::nullopt;
    const double p = point[0].get<double>();
    if ((!probabilities.empty() && (p < probabilities.back() || *v < values.back())) || p < 0 || p > 1) {
      fail(error, "points must rise in both probability (0 to 1) and value");
      return std::nullopt;
    }
    probabilities.push_back(p);
    values.push_back(*v);
  }
  if (probabilities.front() != 0 || probabilities.back() != 1) {
    fail(error, "the probabilities of an empirical_cdf run from 0 to 1");
    return std::nullopt;
  }
  return Distribution::empirical_cdf(probabilities, values);
}

}  // namespace

std::optional<Hours> read_duration(const json& value, std::string* error) {
  if (!value.is_string()) {
    fail(error, "expected a duration string with a unit, e.g. \"30 min\"");
    return std::nullopt;
  }
  const std::string& text = value.get_ref<const std::string&>();
  Hours total = 0;
  for (const auto& part : duration_parts(text)) {
    auto hours = parse_duration(part, error);
    if (!hours) return std::nullopt;
    total += *hours;
  }
  return total;
}

std::optional<double> read_rate(const json& value, std::string* error) {
  if (!value.is_string()) {
    fail(error, "expected a rate string, e.g. \"12/day\"");
    return std::nullopt;
  }
  return parse_rate(value.get_ref<const std::string&>(), error);
}

std::optional<Distribution> read_distribution(const json& value, std::string* error) {
  if (value.is_string()) {
    auto v = read_duration(value, error);
    if (!v) return std::nullopt;
    return Distribution::fixed(*v);
  }
  if (!value.is_object() || !value.contains("dist") || !value["dist"].is_string()) {
    fail(error, "expected a duration or an object with \"dist\"");
    return std::nullopt;
  }
  const std::string kind = value["dist"].get<std::string>();
  if (kind == "fixed") {
    auto v = member_duration(value, "value", error);
    if (v) return Distribution::fixed(*v);
  } else if (kind == "uniform") {
    auto lo = member_duration(value, "min", error);
    auto hi = member_duration(value, "max", error);
    if (lo && hi) {
      if (*lo <= *hi) return Distribution::uniform(*lo, *hi);
      fail(error, "uniform needs min <= max");
    }
  } else if (kind == "exponential") {
    auto mean = member_duration(value, "mean", error);
    if (mean) {
      if (*mean > 0) return Distribution::exponential(*mean);
      fail(error, "exponential needs a positive mean");
    }
  } else if (kind == "lognormal") {
    return read_lognormal(value, error);
  } else if (kind == "triangular") {
    auto lo = member_duration(value, "min", error);
    auto mode = member_duration(value, "mode", error);
    auto hi = member_duration(value, "max", error);
    if (lo && mode && hi) {
      if (*lo <= *mode && *mode <= *hi) return Distribution::triangular(*lo, *mode, *hi);
      fail(error, "triangular needs min <= mode <= max");
    }
  } else if (kind == "empirical") {
    return read_empirical(value, error);
  } else if (kind == "empirical_cdf") {
    return read_empirical_cdf(value, error);
  } else {
    fail(error, "unknown distribution \"" + kind + "\"");
  }
  return std::nullopt;
}

std::optional<Calendar> read_calendar(const json& value, std::vector<CalendarProblem>* problems) {
  static const std::array<const char*, 7> kDays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::vector<CalendarProblem> found;
  std::vector<std::pair<Hours, Hours>> intervals;
  const json weekly = value.is_object() ? value.value("weekly", json::object()) : json::object();
  for (int day = 0; day < 7; ++day) {
    const char* key = weekly.contains(kDays[day])                ? kDays[day]
                      : (day < 5 && weekly.contains("weekdays")) ? "weekdays"
                      : weekly.contains("every_day")             ? "every_day"
                                                                 : nullptr;
    if (!key || !weekly[key].is_array()) continue;
    std::vector<std::pair<Hours, Hours>> today;
    for (std::size_t i = 0; i < weekly[key].size(); ++i) {
      const std::string where = std::string("/weekly/") + key + "/" + std::to_string(i);
      const json& item = weekly[key][i];
      const std::string text = item.is_string() ? item.get<std::string>() : "";
      const auto dash = text.find('-');
      auto start = dash == std::string::npos ? std::nullopt : parse_clock_time(text.substr(0, dash));
      auto end = dash == std::string::npos ? std::nullopt : parse_clock_time(text.substr(dash + 1));
      if (!start || !end) {
        found.push_back({where, "expected an interval \"HH:MM-HH:MM\", got " + item.dump()});
        continue;
      }
      if (*end == *start) {
        found.push_back({where, "interval \"" + text +
                                    "\" is empty (start equals end); for a whole day write \"00:00-24:00\""});
        continue;
      }
      if (*end < *start) *end += kHoursPerDay;  // overnight shift, ends the next day
      today.emplace_back(day * kHoursPerDay + *start, day * kHoursPerDay + *end);
    }
    std::sort(today.begin(), today.end());
    for (std::size_t i = 1; i < today.size(); ++i)
      if (today[i].first < today[i - 1].second)
        found.push_back({std::string("/weekly/") + key, std::string("intervals overlap on ") + kDays[day]});
    intervals.insert(intervals.end(), today.begin(), today.end());
  }
  std::vector<int> closed;
  if (value.is_object() && value.contains("closed_days") && value["closed_days"].is_array())
    for (const auto& d : value["closed_days"])
      if (d.is_number_integer() && d.get<std::int64_t>() >= 0 && d.get<std::int64_t>() < 1000000)
        closed.push_back(static_cast<int>(d.get<std::int64_t>()));
  if (problems) problems->insert(problems->end(), found.begin(), found.end());
  if (!found.empty()) return std::nullopt;
  return Calendar::weekly(std::move(intervals), std::move(closed));
}

std::optional<Hours> batch_offset(const json& schedule, Hours every, std::string* error) {
  if (schedule.contains("at")) {
    auto at = schedule["at"].is_string() ? parse_clock_time(schedule["at"].get<std::string>(), error)
                                         : std::nullopt;
    if (!at) return std::nullopt;
    return every > 0 ? std::fmod(*at, every) : *at;
  }
  if (schedule.contains("offset")) return read_duration(schedule["offset"], error);
  return 0.0;
}

}  // namespace recordflow
