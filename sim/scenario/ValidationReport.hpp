// ValidationReport: collects the Diagnostics of semantic validation. Each problem is located by JSON
// Pointer; the file comes from the SourceMap. Offers the checks every part of validation repeats:
// references to named things (with a did-you-mean hint), durations, probabilities.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/Distribution.hpp"
#include "scenario/Composition.hpp"
#include "scenario/Diagnostic.hpp"

namespace recordflow {

class ValidationReport {
 public:
  explicit ValidationReport(const SourceMap& sources) : sources_(sources) {}

  void add(const std::string& pointer, std::string message, std::string hint = "");
  // `name` must be one of `known`; otherwise reports "unknown <what> \"name\"" with a did-you-mean.
  bool reference(const std::string& pointer, const std::string& what, const std::string& name,
                 const std::vector<std::string>& known);
  // A duration at `pointer` (if parseable) must be >= minimum (or > minimum when strict).
  std::optional<double> duration(const std::string& pointer, const nlohmann::json& value, double minimum,
                                 bool strict, const std::string& what);
  // A distribution of durations: well formed and never negative.
  std::optional<Distribution> distribution(const std::string& pointer, const nlohmann::json& value,
                                           const std::string& what);

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  const SourceMap& sources_;
  std::vector<Diagnostic> diagnostics_;
  std::set<std::pair<std::string, std::string>> seen_;
};

// The member names of `object[key]` ({} if absent or not an object).
std::vector<std::string> member_names(const nlohmann::json& object, const char* key);
// A number for messages: at most 10 significant digits ("0.9", not "0.8999999999999999").
std::string format_number(double value);
// True when a reader's error is about the textual format, which the schema already reports.
bool format_error(const std::string& error);

}  // namespace recordflow
