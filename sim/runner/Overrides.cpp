#include "runner/Overrides.hpp"

namespace recordflow {
namespace {

nlohmann::json parse_value(const std::string& text) {
  nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return nlohmann::json(text);
  return value;
}

bool valid_utf8(const std::string& text) {
  try {
    (void)nlohmann::json(text).dump();  // nlohmann refuses to serialise invalid UTF-8
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

bool split_pointer(const std::string& text, std::string* pointer, std::string* rest, std::string* error) {
  if (!valid_utf8(text)) {
    const std::string shown =
        nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (error) *error = "'" + shown.substr(1, shown.size() - 2) + "' is not valid UTF-8 text";
    return false;
  }
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || text[0] != '/') {
    if (error) *error = "'" + text + "' is not of the form /json/pointer=value";
    return false;
  }
  *pointer = text.substr(0, eq);
  try {
    (void)nlohmann::json::json_pointer(*pointer);
  } catch (const nlohmann::json::exception& e) {
    if (error) *error = "'" + *pointer + "' is not a JSON Pointer: " + e.what();
    return false;
  }
  *rest = text.substr(eq + 1);
  return true;
}

}  // namespace

std::optional<JsonOverride> parse_override(const std::string& text, std::string* error) {
  try {
    std::string pointer, value;
    if (!split_pointer(text, &pointer, &value, error)) return std::nullopt;
    return JsonOverride{pointer, parse_value(value)};
  } catch (const std::exception& e) {
    if (error) *error = "cannot read the override: " + std::string(e.what());
    return std::nullopt;
  }
}

static std::optional<Factor> parse_factor_values(const std::string& text, std::string* error);

std::optional<Factor> parse_factor(const std::string& text, std::string* error) {
  try {
    return parse_factor_values(text, error);
  } catch (const std::exception& e) {
    if (error) *error = "cannot read the factor: " + std::string(e.what());
    return std::nullopt;
  }
}

static std::optional<Factor> parse_factor_values(const std::string& text, std::string* error) {
  std::string pointer, list;
  if (!split_pointer(text, &pointer, &list, error)) return std::nullopt;
  Factor factor{pointer, {}};
  int depth = 0;
  bool quoted = false;
  std::string current;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const char c = list[i];
    if (quoted) {
      if (c == '\\' && i + 1 < list.size()) {
        current += c;
        current += list[++i];
        continue;
      }
      if (c == '"') quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 0) {
      factor.values.push_back(parse_value(current));
      current.clear();
      continue;
    }
    current += c;
  }
  factor.values.push_back(parse_value(current));
  for (const auto& v : factor.values) {
    if (v.is_string() && v.get<std::string>().empty()) {
      if (error) *error = "factor " + pointer + " has an empty value in '" + list + "'";
      return std::nullopt;
    }
  }
  return factor;
}

std::vector<std::vector<JsonOverride>> factorial_points(const std::vector<Factor>& factors) {
  std::vector<std::vector<JsonOverride>> points{{}};
  for (const auto& factor : factors) {
    std::vector<std::vector<JsonOverride>> next;
    for (const auto& point : points) {
      for (const auto& value : factor.values) {
        auto extended = point;
        extended.emplace_back(factor.pointer, value);
        next.push_back(std::move(extended));
      }
    }
    points = std::move(next);
  }
  return points;
}

nlohmann::json overrides_object(const std::vector<JsonOverride>& overrides) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [pointer, value] : overrides) object[pointer] = value;
  return object;
}

std::string override_argument(const JsonOverride& o) {
  return o.first + "=" + o.second.dump();
}

}  // namespace recordflow
