#include "scenario/ScenarioLoader.hpp"

#include <set>
#include <tuple>

#include "scenario/Composition.hpp"
#include "scenario/DefaultWarnings.hpp"
#include "scenario/Defaults.hpp"
#include "scenario/ScenarioBuilder.hpp"
#include "scenario/ScenarioValidator.hpp"
#include "scenario/SchemaValidator.hpp"

namespace recordflow {
namespace {

using nlohmann::json;

class DiagnosticList {
 public:
  void add(const Diagnostic& d) {
    if (seen_.insert({d.file, d.pointer, d.message}).second) list_.push_back(d);
  }
  void add(const std::vector<Diagnostic>& ds) {
    for (const auto& d : ds) add(d);
  }
  std::vector<Diagnostic> take() { return std::move(list_); }
  bool empty() const { return list_.empty(); }

 private:
  std::vector<Diagnostic> list_;
  std::set<std::tuple<std::string, std::string, std::string>> seen_;
};

// Applies designs[design].set to `doc`; reports pointers that cannot be applied.
void apply_design_set(json& doc, const std::string& design, const SourceMap& sources, DiagnosticList& out) {
  const json& d = doc["designs"][design];
  if (!d.is_object() || !d.contains("set") || !d["set"].is_object()) return;
  const json set = d["set"];
  const std::string set_pointer = pointer_append(pointer_append("/designs", design), "set");
  for (const auto& [pointer, value] : set.items())
    if (auto error = apply_pointer(doc, pointer, value))
      out.add(Diagnostic{sources.file_of(set_pointer), pointer_append(set_pointer, pointer), *error,
                         "pointers look like \"/systems/hub/access\"", 0, 0});
}

// Schema and semantic checks of one design's view of the document (its `set` applied).
void check_design(const json& resolved, const std::string& design, const std::vector<std::string>& order,
                  const SourceMap& sources, DiagnosticList& out) {
  json doc = resolved;
  apply_design_set(doc, design, sources, out);
  const bool changed = doc != resolved;
  if (changed) {
    out.add(validate_against_schema(doc, sources));
    fill_defaults(doc, order);
  }
  try {
    out.add(validate_semantics(doc, sources, design));
  } catch (const std::exception& e) {
    out.add(Diagnostic{sources.root_file(), "",
                       std::string("could not check design \"") + design + "\": " + e.what(),
                       "fix the problems reported above first", 0, 0});
  }
}

}  // namespace

LoadedScenario load_scenario(const std::string& path, const std::vector<JsonOverride>& overrides) {
  LoadedScenario out;
  out.path = path;
  ComposedDocument composed = compose(path, overrides);
  DiagnosticList diagnostics;
  diagnostics.add(composed.diagnostics);
  if (!composed.readable) {
    out.diagnostics = diagnostics.take();
    return out;
  }
  json doc = std::move(composed.document);
  diagnostics.add(validate_against_schema(doc, composed.sources));
  out.warnings = silent_default_warnings(doc, composed.sources);
  fill_defaults(doc, composed.design_order);
  out.resolved = doc;
  out.designs = composed.design_order;
  std::vector<Diagnostic> uncertainty_problems;
  out.uncertain_inputs = read_uncertain_inputs(doc, composed.sources, uncertainty_problems);
  diagnostics.add(uncertainty_problems);
  if (out.designs.empty()) {
    try {
      diagnostics.add(validate_semantics(doc, composed.sources, ""));
    } catch (const std::exception& e) {
      diagnostics.add(
          Diagnostic{path, "", std::string("could not check the scenario: ") + e.what(), "", 0, 0});
    }
  }
  for (const auto& design : out.designs)
    check_design(doc, design, out.designs, composed.sources, diagnostics);
  if (diagnostics.empty()) {
    for (const auto& design : out.designs) {
      try {
        (void)build_scenario(out.resolved, design, path);
      } catch (const ScenarioError& e) {
        diagnostics.add(e.diagnostics());
      }
    }
  }
  out.diagnostics = diagnostics.take();
  return out;
}

Scenario build_scenario(const json& resolved, const std::string& design, const std::string& source_file) {
  SourceMap sources(source_file);
  if (!resolved.is_object() || !resolved.contains("designs") || !resolved["designs"].is_object() ||
      !resolved["designs"].contains(design)) {
    std::vector<std::string> known;
    if (resolved.is_object() && resolved.contains("designs") && resolved["designs"].is_object())
      for (const auto& item : resolved["designs"].items()) known.push_back(item.key());
    const std::string guess = did_you_mean(design, known);
    throw ScenarioError({Diagnostic{source_file, "/designs", "no design named \"" + design + "\"",
                                    guess.empty() ? "" : "did you mean \"" + guess + "\"?", 0, 0}});
  }
  DiagnosticList diagnostics;
  json doc = resolved;
  apply_design_set(doc, design, sources, diagnostics);
  fill_defaults(doc);
  diagnostics.add(validate_against_schema(doc, sources));
  try {
    diagnostics.add(validate_semantics(doc, sources, design));
  } catch (const std::exception& e) {
    diagnostics.add(
        Diagnostic{source_file, "", std::string("could not check the scenario: ") + e.what(), "", 0, 0});
  }
  if (!diagnostics.empty()) throw ScenarioError(diagnostics.take());
  try {
    return build_model(doc, design, source_file);
  } catch (const std::exception& e) {
    throw ScenarioError(
        {Diagnostic{source_file, "", std::string("cannot build the model: ") + e.what(), "", 0, 0}});
  }
}

std::vector<Diagnostic> check_model_part(const std::string& path) {
  ComposedDocument composed = compose(path);
  DiagnosticList diagnostics;
  diagnostics.add(composed.diagnostics);
  if (composed.readable) diagnostics.add(validate_against_schema(composed.document, composed.sources));
  return diagnostics.take();
}

}  // namespace recordflow
