#include "scenario/UncertainInputs.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <cmath>

#include "core/Units.hpp"
#include "scenario/Composition.hpp"
#include "scenario/Quantities.hpp"
#include "scenario/ValidationReport.hpp"

namespace recordflow {
namespace {

using nlohmann::json;

// A probability or share by the name of the value's last reference token.
bool is_probability(const std::string& pointer) {
  const std::string last = pointer.substr(pointer.find_last_of('/') + 1);
  return last.find("probability") != std::string::npos || last == "share" || last == "capacity";
}

struct Reader {
  const json& entry;
  const std::string& where;
  const std::string& file;
  bool duration;
  std::vector<Diagnostic>& problems;

  void fail(const std::string& message, const std::string& field = "", const std::string& hint = "") {
    problems.push_back(
        Diagnostic{file, field.empty() ? where : pointer_append(where, field), message, hint, 0, 0});
  }
  // A number (or, for durations, a duration string) in hours; nullopt after reporting.
  std::optional<double> value(const std::string& field, std::optional<double> fallback = std::nullopt) {
    if (!entry.contains(field)) {
      if (!fallback) fail("missing \"" + field + "\"", "", "this distribution needs \"" + field + "\"");
      return fallback;
    }
    const json& v = entry[field];
    if (duration) {
      std::string error;
      if (auto h = read_duration(v, &error)) return *h;
      fail(error.empty() ? "expected a duration such as \"2 h\"" : error, field);
      return std::nullopt;
    }
    if (v.is_number()) return v.get<double>();
    fail("expected a number", field);
    return std::nullopt;
  }
};

}  // namespace

double UncertainInput::quantile(double u) const {
  switch (kind) {
    case Kind::uniform:
      return low + u * (high - low);
    case Kind::triangular:
      if (high == low) return low;
      return boost::math::quantile(boost::math::triangular_distribution<double>(low, mode, high), u);
    case Kind::beta:
      return low +
             (high - low) * boost::math::quantile(boost::math::beta_distribution<double>(alpha, beta), u);
  }
  return low;
}

json UncertainInput::value_at(double u) const {
  const double v = quantile(u);
  if (!duration) return v;
  return format_number(v) + " h";
}

std::string UncertainInput::describe() const {
  const auto show = [this](double v) { return duration ? format_duration(v) : format_number(v); };
  switch (kind) {
    case Kind::uniform:
      return "uniform(" + show(low) + ", " + show(high) + ")";
    case Kind::triangular:
      return "triangular(" + show(low) + ", " + show(mode) + ", " + show(high) + ")";
    case Kind::beta:
      return "beta(" + format_number(alpha) + ", " + format_number(beta) + ")" +
             (low == 0 && high == 1 ? "" : " on [" + show(low) + ", " + show(high) + "]");
  }
  return "";
}

std::vector<UncertainInput> read_uncertain_inputs(const json& doc, const SourceMap& sources,
                                                  std::vector<Diagnostic>& problems) {
  std::vector<UncertainInput> inputs;
  if (!doc.is_object() || !doc.contains("uncertainty") || !doc["uncertainty"].is_object()) return inputs;
  for (const auto& [pointer, entry] : doc["uncertainty"].items()) {
    const std::string where = pointer_append("/uncertainty", pointer);
    const std::string file = sources.file_of(where);
    UncertainInput input;
    input.pointer = pointer;
    json::json_pointer target;
    try {
      target = json::json_pointer(pointer);
    } catch (const std::exception&) {
      problems.push_back(Diagnostic{file, where, "\"" + pointer + "\" is not a JSON Pointer",
                                    "pointers look like \"/access_profiles/portal/look_probability\"", 0, 0});
      continue;
    }
    if (!doc.contains(target)) {
      problems.push_back(
          Diagnostic{file, where, "the uncertain input points at nothing: the scenario has no " + pointer,
                     "point at an existing number, e.g. \"/access_profiles/portal/look_probability\"", 0, 0});
      continue;
    }
    const json& current = doc.at(target);
    input.duration = current.is_string() && read_duration(current).has_value();
    if (!current.is_number() && !input.duration) {
      problems.push_back(Diagnostic{
          file, where,
          "the uncertain input must point at a number or a duration, not " + std::string(current.type_name()),
          "", 0, 0});
      continue;
    }
    if (!entry.is_object()) continue;  // the schema reports it
    Reader read{entry, where, file, input.duration, problems};
    const std::string dist = entry.value("dist", "");
    input.source = entry.value("source", "");
    input.group = entry.value("group", pointer);
    const std::size_t before = problems.size();
    if (dist == "uniform") {
      input.kind = UncertainInput::Kind::uniform;
      input.low = read.value("min").value_or(0);
      input.high = read.value("max").value_or(0);
      input.mode = input.low;
    } else if (dist == "triangular") {
      input.kind = UncertainInput::Kind::triangular;
      input.low = read.value("min").value_or(0);
      input.mode = read.value("mode").value_or(0);
      input.high = read.value("max").value_or(0);
      if (problems.size() == before && !(input.low <= input.mode && input.mode <= input.high))
        read.fail("the mode must lie between min and max", "mode");
    } else if (dist == "beta") {
      input.kind = UncertainInput::Kind::beta;
      input.alpha = entry.value("alpha", 0.0);
      input.beta = entry.value("beta", 0.0);
      if (!(input.alpha > 0 && input.beta > 0)) read.fail("beta needs alpha > 0 and beta > 0");
      input.low = read.value("min", 0.0).value_or(0);
      input.high = read.value("max", 1.0).value_or(1);
      input.mode = input.low;
    } else {
      read.fail("unknown distribution \"" + dist + "\"", "dist", "one of uniform, triangular, beta");
      continue;
    }
    if (problems.size() != before) continue;
    if (!(std::isfinite(input.low) && std::isfinite(input.high) && input.low <= input.high)) {
      read.fail("the range's low end (" + format_number(input.low) + ") exceeds its high end (" +
                    format_number(input.high) + ")",
                "min");
      continue;
    }
    if (is_probability(pointer) && !input.duration && (input.low < 0 || input.high > 1)) {
      read.fail("a probability or share must stay in [0, 1]; this distribution reaches [" +
                format_number(input.low) + ", " + format_number(input.high) + "]");
      continue;
    }
    if (input.source.empty()) {
      read.fail("an uncertain input needs its \"source\": a published figure or \"assumption: ...\"",
                "source");
      continue;
    }
    inputs.push_back(std::move(input));
  }
  return inputs;
}

std::vector<std::string> uncertainty_groups(const std::vector<UncertainInput>& inputs,
                                            std::vector<int>* group_index) {
  std::vector<std::string> groups;
  if (group_index) group_index->clear();
  for (const auto& input : inputs) {
    std::size_t g = 0;
    while (g < groups.size() && groups[g] != input.group) ++g;
    if (g == groups.size()) groups.push_back(input.group);
    if (group_index) group_index->push_back(static_cast<int>(g));
  }
  return groups;
}

}  // namespace recordflow
